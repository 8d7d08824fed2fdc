// The host token travels in the URL fragment (never sent to the server in requests or logs).
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const chat = document.querySelector('vitrine-chat');
if (token && chat) chat.setAttribute('token', token);

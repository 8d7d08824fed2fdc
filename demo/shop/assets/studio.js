// The host token travels in the URL fragment (never sent to the server in requests or logs).
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const studio = document.querySelector('vitrine-studio');
if (token && studio) {
  studio.setAttribute('token', token);
  document.getElementById('studio-note')?.remove();
}

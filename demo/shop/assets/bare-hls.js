// The reference page of the time-to-first-frame benchmark: hls.js is already loaded (a classic
// script), and the click creates an Hls instance, loads the stream and plays. hls.js defaults,
// unless the page says `data-worker="off"` (main-thread remuxing, as Vitrine runs it under CSP).
/* global Hls */
const video = document.getElementById('bare-video');
const button = document.getElementById('bare-play');
button.addEventListener('click', () => {
  button.hidden = true;
  const hls = new Hls(video.dataset.worker === 'off' ? { enableWorker: false } : {});
  hls.loadSource(video.dataset.src);
  hls.attachMedia(video);
  video.play().catch((error) => console.warn('bare hls.js: play() failed', error));
  window.bareHls = hls;
});

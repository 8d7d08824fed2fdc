// Browser-side: reads the frame-number barcode burned into the demo media (scripts/make-media.sh)
// and the ffmpeg encoder's stream (demo/hls/encoder.ts) from the frame a <video> is showing, so
// tests know exactly which frame is on screen.

/**
 * The frame number shown by `video` (0..599 within the demo media's 20 s loop; the encoder's
 * barcode has 16 bits), or null if unreadable. Self-contained, so end-to-end tests can hand it
 * to Playwright's `page.evaluate` as it is.
 */
export function readFrameNumber(video: HTMLVideoElement, bits = 10): number | null {
  // Geometry in the 1280x720 source picture: block i is centred at x = 32 + 40 i, y = 692.
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const scale = width / 1280;
  let value = 0;
  for (let bit = 0; bit < bits; bit += 1) {
    const [r, g, b] = context.getImageData(Math.round((32 + bit * 40) * scale), Math.round(692 * scale), 1, 1).data;
    const luma = 0.299 * r! + 0.587 * g! + 0.114 * b!;
    if (luma > 128) value |= 1 << bit;
  }
  return value;
}

/**
 * The program date time (ms) of the frame on screen, computed independently of the player:
 * frame n of the loop is at n / fps seconds into a loop that started at `epoch + L * loop`
 * for some whole L; the L closest to `near` (the player's own estimate) is chosen, which is
 * unambiguous as long as the player is within half a loop (10 s) of the truth.
 */
export function expectedProgramDateTime(frame: number, stream: { epoch: number; fps: number; segmentDuration: number; loopLength: number }, near: number): number {
  const loopMs = stream.segmentDuration * stream.loopLength * 1000;
  const offset = (frame / stream.fps) * 1000;
  const loops = Math.round((near - stream.epoch - offset) / loopMs);
  return stream.epoch + loops * loopMs + offset;
}

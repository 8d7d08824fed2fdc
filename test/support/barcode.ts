// Browser-side: reads the frame-number barcode burned into the demo media (scripts/make-media.sh)
// from the frame a <video> is showing, so tests know exactly which frame is on screen.

/** Geometry of the barcode in the 1280x720 source picture. */
const SOURCE_WIDTH = 1280;
const BITS = 10;
const BLOCK_X = (bit: number) => 16 + bit * 40 + 16; // centre of block `bit`
const BLOCK_Y = 692; // centre row

/** The frame number (0..599 within the 20 s loop) shown by `video`, or null if unreadable. */
export function readFrameNumber(video: HTMLVideoElement): number | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const scale = width / SOURCE_WIDTH;
  let value = 0;
  for (let bit = 0; bit < BITS; bit += 1) {
    const [r, g, b] = context.getImageData(Math.round(BLOCK_X(bit) * scale), Math.round(BLOCK_Y * scale), 1, 1).data;
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

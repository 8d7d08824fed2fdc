/**
 * Calls `onFrame(mediaTime)` for every frame the video presents, with the presentation time of
 * that very frame (`requestVideoFrameCallback`); where that API is missing, once per animation
 * frame with `currentTime`. Returns a function that stops it.
 */
export function watchFrames(video: HTMLVideoElement, onFrame: (mediaTime: number) => void): () => void {
  let id = 0;
  if ('requestVideoFrameCallback' in video) {
    let stopped = false;
    const tick = (_now: number, frame: VideoFrameCallbackMetadata): void => {
      if (stopped) return;
      onFrame(frame.mediaTime);
      id = video.requestVideoFrameCallback(tick);
    };
    id = video.requestVideoFrameCallback(tick);
    return () => {
      stopped = true;
      video.cancelVideoFrameCallback(id);
    };
  }
  const tick = (): void => {
    onFrame((video as HTMLVideoElement).currentTime);
    id = requestAnimationFrame(tick);
  };
  id = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(id);
}

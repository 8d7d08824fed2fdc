/** Runs `callback` when the browser is idle (at the latest after `timeout` ms), or at once in a new task where there is no `requestIdleCallback` (Safari). */
export function whenIdle(callback: () => void, timeout: number): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(callback, { timeout });
  else setTimeout(callback, 1);
}

/** Resolves in a new task: `scheduler.yield()` where the browser has it, else a MessageChannel message (no 4 ms timer clamp). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

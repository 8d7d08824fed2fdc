/** Runs `callback` when the browser is idle (at the latest after `timeout` ms), or at once in a new task where there is no `requestIdleCallback` (Safari). */
export function whenIdle(callback: () => void, timeout: number): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(callback, { timeout });
  else setTimeout(callback, 1);
}

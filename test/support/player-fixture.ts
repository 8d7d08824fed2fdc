// Helpers for <vitrine-player> browser tests: mount a player on a simulated stream, drive the
// stream's faults, and wait for states (never for fixed times).
import { sendMouse } from '@web/test-runner-commands';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import type { PlayerState } from '../../src/player/types.js';
import '../../src/define/player.js';

export interface StreamInfo {
  epoch: number;
  fps: number;
  segmentDuration: number;
  loopLength: number;
  window: { first: number; last: number } | null;
  requests: number;
}

/** A stream name no other test uses. */
export function streamName(prefix = 'player'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Reads (and with `patch`, changes) a simulated live stream: offline, segments, ended, epoch. */
export async function control(name: string, patch?: object): Promise<StreamInfo> {
  const response = await fetch(`/hls/control/${name}`, patch ? { method: 'POST', body: JSON.stringify(patch) } : {});
  return response.json();
}

export const liveSrc = (name: string): string => `/hls/live/${name}/master.m3u8`;
export const VOD_SRC = '/hls/vod/master.m3u8';

const mounted = new Set<HTMLElement>();

/** Creates a player with these attributes in the document. */
export async function mountPlayer(attributes: Record<string, string | boolean>, parent: HTMLElement = document.body): Promise<VitrinePlayer> {
  const player = document.createElement('vitrine-player');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) player.setAttribute(name, '');
    else if (value !== false) player.setAttribute(name, value);
  }
  player.style.width = '640px';
  parent.append(player);
  mounted.add(player);
  await player.updateComplete;
  return player;
}

/** Removes every player mounted by `mountPlayer` (afterEach). */
export function unmountPlayers(): void {
  for (const player of mounted) player.remove();
  mounted.clear();
}

/**
 * Polls `predicate` until it is true. Unlike open-wc's `waitUntil`, it leaves no timer behind
 * once it resolves (that one keeps its timeout, and so the predicate and the player, alive).
 */
export function until(predicate: () => unknown, message: string, timeout = 20_000, interval = 50): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (predicate()) return resolve();
      if (performance.now() - started > timeout) return reject(new Error(`Timeout: ${message}`));
      setTimeout(check, interval);
    };
    check();
  });
}

export async function waitForState(player: VitrinePlayer, state: PlayerState | PlayerState[], timeout = 20_000): Promise<void> {
  const states = Array.isArray(state) ? state : [state];
  await until(() => states.includes(player.state), `player state ${states.join('/')} (is ${player.state})`, timeout);
}

/** Waits until playback has advanced `seconds` of media time from now. */
export async function waitForProgress(player: VitrinePlayer, seconds = 1, timeout = 20_000): Promise<void> {
  const from = player.currentTime;
  await until(() => player.currentTime > from + seconds, `playback advances ${seconds} s from ${from}`, timeout);
}

/** Every `type` event the target dispatches from now on. */
export function record<T = unknown>(target: EventTarget, type: string): CustomEvent<T>[] {
  const events: CustomEvent<T>[] = [];
  target.addEventListener(type, (event) => events.push(event as CustomEvent<T>));
  return events;
}

/** Fails the test if anything reaches the page as an uncaught error; call the result to check. */
export function watchPageErrors(): () => string[] {
  const errors: string[] = [];
  const onError = (event: ErrorEvent): void => void errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent): void => void errors.push(`unhandledrejection: ${String(event.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return () => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    return errors;
  };
}

/** Console warnings from now on (and still printed). */
export function captureWarnings(): { readonly messages: string[]; restore(): void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return { messages, restore: () => void (console.warn = original) };
}

/** A real mouse click in the middle of `element` (a user activation, unlike `element.click()`). */
export async function realClick(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

// Node-side helpers for end-to-end tests that drive a <vitrine-show> in a Playwright page the way
// a shopper does (a real click on the facade's play button), and check what is on screen.
import type { ElementHandle, Locator, Page } from 'playwright-core';
import { expectedProgramDateTime, readFrameNumber } from './barcode.js';

/** What `expectedProgramDateTime` needs: the simulated stream's info or the encoder's. */
export interface FrameClock {
  readonly epoch: number;
  readonly fps: number;
  readonly segmentDuration: number;
  readonly loopLength: number;
  /** Barcode bits (10 in the demo media, 16 from the encoder). */
  readonly barcodeBits?: number;
}

/**
 * The play button of the first `vitrine-show` matching `selector`: the facade's, or once the
 * widget has loaded (near the viewport, on intent) the player's own; both are `part="play-button"`.
 * Playwright's CSS locators pierce open shadow roots, and a click retries if the facade is
 * replaced under the pointer.
 */
export function playButton(page: Page, selector = 'vitrine-show'): Locator {
  return page.locator(selector).first().locator('button[part~="play-button"]').first();
}

/** The widget's <video>, once the full widget and its player exist. */
export async function widgetVideo(page: Page, selector = 'vitrine-show', timeout = 30_000): Promise<ElementHandle<HTMLVideoElement>> {
  const handle = await page.waitForFunction(
    (sel) => {
      type Player = HTMLElement & { video?: HTMLVideoElement };
      const show = document.querySelector(sel) as (HTMLElement & { view?: { player: Player | null } }) | null;
      const player = show?.view?.player;
      return player?.video ?? player?.shadowRoot?.querySelector('video') ?? null;
    },
    selector,
    { timeout },
  );
  return handle as ElementHandle<HTMLVideoElement>;
}

/** Resolves once the video is playing and its current time has passed `seconds`. */
export async function waitForPlayback(video: ElementHandle<HTMLVideoElement>, seconds: number, timeout = 30_000): Promise<number> {
  const page = (await video.ownerFrame())!.page();
  await page.waitForFunction(([v, s]) => !v.paused && v.readyState >= 3 && v.currentTime > s, [video, seconds] as const, { timeout });
  return video.evaluate((v) => v.currentTime);
}

export interface StreamTimeSample {
  /** Frame number read from the barcode on screen. */
  readonly frame: number;
  /** The player's `streamTime` (ms), for the same paused frame. */
  readonly streamTime: number;
  /** Program date time of that frame according to the playlist (ms). */
  readonly expected: number;
  /** streamTime - expected, ms. */
  readonly error: number;
}

/**
 * Pauses the widget's video (so the frame on screen and `streamTime` cannot move between the
 * two reads), reads the frame number from the barcode and compares the player's `streamTime`
 * with the program date time the playlist gives that frame. Playback resumes afterwards.
 */
export async function sampleStreamTime(page: Page, video: ElementHandle<HTMLVideoElement>, clock: FrameClock, selector = 'vitrine-show'): Promise<StreamTimeSample> {
  await video.evaluate((v) => v.pause());
  await page.waitForFunction((v) => v.paused && !v.seeking && v.readyState >= 2, video);
  // One more presented frame, so the canvas reads what the compositor shows.
  await video.evaluate((v) => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const frame = await video.evaluate(readFrameNumber, clock.barcodeBits ?? 10);
  const streamTime = await page.evaluate((sel) => {
    const show = document.querySelector(sel) as (HTMLElement & { view?: { player: { streamTime?: Date | null } | null } }) | null;
    return show?.view?.player?.streamTime?.getTime() ?? null;
  }, selector);
  await video.evaluate((v) => v.play());
  if (frame === null) throw new Error('the barcode on screen could not be read');
  if (streamTime === null) throw new Error('the player has no streamTime');
  const expected = expectedProgramDateTime(frame, clock, streamTime);
  return { frame, streamTime, expected, error: streamTime - expected };
}

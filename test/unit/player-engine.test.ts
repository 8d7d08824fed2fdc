import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickEngine } from '../../src/player/engine.js';

/** A video element that answers canPlayType for HLS like the given browser. */
const video = (hls: '' | 'maybe' | 'probably') => ({ canPlayType: (type: string) => (type === 'application/vnd.apple.mpegurl' ? hls : '') }) as unknown as HTMLVideoElement;

function browser({ vendor, mse, managed = false }: { vendor: string; mse: boolean; managed?: boolean }): void {
  vi.stubGlobal('navigator', { vendor });
  vi.stubGlobal('MediaSource', mse ? class {} : undefined);
  vi.stubGlobal('ManagedMediaSource', managed ? class {} : undefined);
}

describe('pickEngine', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('auto: hls.js on Chromium even though it answers "maybe" for HLS', () => {
    browser({ vendor: 'Google Inc.', mse: true });
    expect(pickEngine('auto', video('maybe'))).toBe('hlsjs');
    expect(pickEngine('auto', video(''))).toBe('hlsjs');
  });

  it('auto: native HLS on Safari and iOS (Apple WebKit), with or without MSE', () => {
    browser({ vendor: 'Apple Computer, Inc.', mse: true });
    expect(pickEngine('auto', video('probably'))).toBe('native');
    browser({ vendor: 'Apple Computer, Inc.', mse: false, managed: true });
    expect(pickEngine('auto', video('maybe'))).toBe('native');
  });

  it('auto: native where there is no MSE at all, nothing where neither works', () => {
    browser({ vendor: '', mse: false });
    expect(pickEngine('auto', video('maybe'))).toBe('native');
    expect(pickEngine('auto', video(''))).toBe(null);
  });

  it('honours an explicit engine, falling back to the other when it cannot play here', () => {
    browser({ vendor: 'Google Inc.', mse: true });
    expect(pickEngine('native', video('maybe'))).toBe('native');
    expect(pickEngine('native', video(''))).toBe('hlsjs');
    browser({ vendor: 'Apple Computer, Inc.', mse: false });
    expect(pickEngine('hlsjs', video('probably'))).toBe('native');
    browser({ vendor: '', mse: true });
    expect(pickEngine('hlsjs', video(''))).toBe('hlsjs');
  });
});

import { describe, expect, it } from 'vitest';
import { livePlaylist, liveWindow, parseMediaPlaylist } from '../../demo/hls/playlist.js';

const base = { epoch: Date.UTC(2026, 10, 22, 12, 0, 0), windowSize: 6, segmentDuration: 2, loopLength: 10 };
const at = (seconds: number) => base.epoch + seconds * 1000;

describe('liveWindow', () => {
  it('publishes a segment only once it is complete', () => {
    expect(liveWindow({ ...base, now: at(1.999) })).toBeNull();
    expect(liveWindow({ ...base, now: at(2) })).toEqual({ first: 0, last: 0, discontinuitySequence: 0 });
    expect(liveWindow({ ...base, now: at(13) })).toEqual({ first: 0, last: 5, discontinuitySequence: 0 });
  });

  it('slides, counting loop boundaries that left the window', () => {
    // last = 25 -> first = 20: boundaries before 10 and 20 are out or at the first segment.
    expect(liveWindow({ ...base, now: at(52) })).toEqual({ first: 20, last: 25, discontinuitySequence: 2 });
    expect(liveWindow({ ...base, now: at(50) })).toEqual({ first: 19, last: 24, discontinuitySequence: 1 });
  });
});

describe('livePlaylist', () => {
  const playlist = (seconds: number, ended = false) =>
    livePlaylist({ ...base, now: at(seconds), targetDuration: 2, init: 'init_1.mp4', uri: (k) => `k${k}.m4s`, ended })!;

  it('stamps every segment with its program date time and marks loop boundaries', () => {
    const text = playlist(50);
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:19');
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:1');
    const lines = text.split('\n');
    const k20 = lines.indexOf('k20.m4s');
    expect(lines[k20 - 1]).toBe('#EXTINF:2.000000,');
    expect(lines[k20 - 2]).toBe('#EXT-X-PROGRAM-DATE-TIME:2026-11-22T12:00:40.000Z');
    expect(lines[k20 - 3]).toBe('#EXT-X-MAP:URI="init_1.mp4"');
    expect(lines[k20 - 4]).toBe('#EXT-X-DISCONTINUITY');
    expect(text.match(/#EXT-X-PROGRAM-DATE-TIME/g)).toHaveLength(6);
    expect(text).not.toContain('#EXT-X-ENDLIST');
  });

  it('ends the playlist when the show is over', () => {
    expect(playlist(50, true).trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });
});

describe('parseMediaPlaylist', () => {
  it('reads init, target duration and segments', () => {
    const parsed = parseMediaPlaylist('#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI="init_0.mp4"\n#EXTINF:2.000000,\nseg_000.m4s\n#EXTINF:1.5,\nseg_001.m4s\n#EXT-X-ENDLIST\n');
    expect(parsed).toEqual({ init: 'init_0.mp4', targetDuration: 2, segments: [{ file: 'seg_000.m4s', duration: 2 }, { file: 'seg_001.m4s', duration: 1.5 }] });
  });

  it('refuses a playlist without segments', () => {
    expect(() => parseMediaPlaylist('#EXTM3U\n')).toThrow(/no segments/);
  });
});

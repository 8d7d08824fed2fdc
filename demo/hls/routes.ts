// HLS for the demo and the tests: the committed media as VOD (/hls/vod/), and as simulated live
// streams (/hls/live/<name>/) that loop forever with program date time. /hls/replay/<name>/ is
// the first loop of a stream as a VOD with program date time (a replay of the show). Each live stream has its
// own state, which tests change through /hls/control/<name> to provoke failures: not started yet
// (manifest 404), segments failing, corrupt or stalled, the show ending. They can also carry
// timed metadata: POST { metadata: { value } } puts an ID3 TXXX "vitrine" frame in an emsg box
// into the next segment (every rendition), as Amazon IVS's PutMetadata does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBody, sendJson, staticFiles, contentType, type Route } from '../http.js';
import { baseMediaDecodeTime, emsgBox, id3Txxx, videoTrack, withEmsg } from './emsg.js';
import { liveWindow, livePlaylist, parseMediaPlaylist, segmentStart, type MediaPlaylist } from './playlist.js';

/** How a live stream's segments answer. */
export type SegmentMode = 'ok' | 'fail' | 'missing' | 'corrupt' | 'stall';
export const SEGMENT_MODES: readonly SegmentMode[] = ['ok', 'fail', 'missing', 'corrupt', 'stall'];

export interface StreamState {
  /** Wall-clock ms at which global segment 0 began. */
  epoch: number;
  /** Playlists answer 404, as before a show starts. */
  offline: boolean;
  /** The master playlist answers this HTTP status instead (401, 403, 410: a wrong or expired URL); 0 is off. */
  manifestStatus: number;
  segments: SegmentMode;
  /** The show is over: playlists carry EXT-X-ENDLIST. */
  ended: boolean;
  /** Extra milliseconds before every answer (a slow network). */
  latency: number;
  /** Timed metadata to put into segments (ID3 TXXX "vitrine" in emsg), oldest first. */
  metadata: StreamMetadataEntry[];
}

/** One timed metadata entry of a simulated stream. */
export interface StreamMetadataEntry {
  /** Global index of the segment that carries it. */
  readonly segment: number;
  /** Milliseconds after the segment's start that it marks. */
  readonly offsetMs: number;
  /** The TXXX value (JSON text for Vitrine). */
  readonly value: string;
  /** The program date time it marks (the segment's plus the offset). */
  readonly at: number;
}

/** What GET /hls/control/<name> answers; tests compute expected program date times from it. */
export interface StreamInfo extends StreamState {
  readonly segmentDuration: number;
  readonly loopLength: number;
  readonly fps: number;
  readonly windowSize: number;
  /** Global indexes of the segments live now, or null before the first. */
  readonly window: { readonly first: number; readonly last: number } | null;
  /** Segment requests answered so far, by global index (to prove what was fetched). */
  readonly requests: number;
}

export interface HlsRoutesOptions {
  /** Folder with master.m3u8, one folder per rendition and subs/<lang>/ (scripts/make-media.sh). */
  readonly mediaDir: string;
  /** Segments in the live window. Default 6. */
  readonly windowSize?: number;
  readonly now?: () => number;
  /** Live stream names that get state; a request for one more name is a 404. Default 100. */
  readonly maxStreams?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const DEMO_FPS = 30;

interface Rendition {
  readonly playlist: MediaPlaylist;
  readonly kind: 'media' | 'subtitles';
}

export function createHlsRoutes(options: HlsRoutesOptions): { route: Route; streams: Map<string, StreamState> } {
  const now = options.now ?? Date.now;
  const windowSize = options.windowSize ?? 6;
  const master = readFileSync(join(options.mediaDir, 'master.m3u8'), 'utf8');
  const renditions = new Map<string, Rendition>();
  for (const line of master.split('\n')) {
    const uri = line.startsWith('#') ? /URI="([^"]+)"/.exec(line)?.[1] : line.trim() || undefined;
    if (!uri) continue;
    const folder = uri.slice(0, uri.lastIndexOf('/'));
    const playlist = parseMediaPlaylist(readFileSync(join(options.mediaDir, uri), 'utf8'));
    renditions.set(folder, { playlist, kind: uri.startsWith('subs/') ? 'subtitles' : 'media' });
  }
  const reference = [...renditions.values()].find((r) => r.kind === 'media')!.playlist;
  const segmentDuration = reference.segments[0]!.duration;
  const loopLength = reference.segments.length;

  const streams = new Map<string, StreamState>();
  const requests = new Map<string, number>();
  const maxStreams = options.maxStreams ?? 100;
  const stream = (name: string): StreamState | undefined => {
    let state = streams.get(name);
    if (!state) {
      if (streams.size >= maxStreams) return undefined;
      // Start with a full window, on a whole second, so playback can begin at once.
      const epoch = Math.floor((now() - windowSize * segmentDuration * 1000) / 1000) * 1000;
      state = { epoch, offline: false, manifestStatus: 0, segments: 'ok', ended: false, latency: 0, metadata: [] };
      streams.set(name, state);
    }
    return state;
  };
  const info = (name: string): StreamInfo => {
    const state = stream(name)!;
    const window = liveWindow({ epoch: state.epoch, now: now(), windowSize, segmentDuration, loopLength });
    return {
      ...state,
      segmentDuration,
      loopLength,
      fps: DEMO_FPS,
      windowSize,
      window: window && { first: window.first, last: window.last },
      requests: requests.get(name) ?? 0,
    };
  };

  // The video track's id and timescale per rendition folder, read from its init segment.
  const tracks = new Map<string, { id: number; timescale: number }>();
  const track = (folder: string, init: string): { id: number; timescale: number } => {
    let found = tracks.get(folder);
    if (!found) tracks.set(folder, (found = videoTrack(readFileSync(join(options.mediaDir, folder, init)))));
    return found;
  };
  /** A media segment with the stream's metadata for segment k in emsg boxes. */
  const withMetadata = (state: StreamState, folder: string, rendition: Rendition, k: number, bytes: Buffer): Buffer => {
    const entries = state.metadata.filter((entry) => entry.segment === k);
    if (entries.length === 0 || !rendition.playlist.init) return bytes;
    const { id, timescale } = track(folder, rendition.playlist.init);
    const base = baseMediaDecodeTime(bytes, id);
    const boxes = entries.map((entry) =>
      emsgBox({ timescale, presentationTime: base + (entry.offsetMs / 1000) * timescale, id: state.metadata.indexOf(entry) + 1, message: id3Txxx('vitrine', entry.value) }),
    );
    return Buffer.from(withEmsg(bytes, boxes));
  };

  const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
  const vod = staticFiles('/hls/vod/', options.mediaDir, { 'access-control-allow-origin': '*' });

  const route: Route = async (req, res, url) => {
    if (url.pathname.startsWith('/hls/vod/')) return vod(req, res, url);

    const control = /^\/hls\/control\/([\w-]{1,64})$/.exec(url.pathname);
    if (control) {
      const name = control[1]!;
      // For tests and the developer on this machine only: loopback, same origin, no CORS.
      const origin = req.headers.origin;
      if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || (origin !== undefined && origin !== `http://${req.headers.host}`) || req.method === 'OPTIONS') {
        res.writeHead(403, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        res.end('Forbidden');
        return true;
      }
      if (!stream(name)) {
        res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        res.end('Too many streams');
        return true;
      }
      if (req.method === 'POST') {
        const patch = JSON.parse((await readBody(req)) || '{}') as Partial<Omit<StreamState, 'metadata'>> & {
          restart?: boolean;
          metadata?: { value: unknown; segment?: number; offsetMs?: number };
        };
        const state = stream(name)!;
        if (typeof patch.epoch === 'number' && Number.isFinite(patch.epoch)) state.epoch = patch.epoch;
        if (patch.restart) state.epoch = Math.floor((now() - windowSize * segmentDuration * 1000) / 1000) * 1000;
        if (typeof patch.offline === 'boolean') {
          // Going live starts the clock now, like an encoder that just connected.
          if (state.offline && !patch.offline) state.epoch = Math.floor((now() - windowSize * segmentDuration * 1000) / 1000) * 1000;
          state.offline = patch.offline;
        }
        if (patch.segments && SEGMENT_MODES.includes(patch.segments)) state.segments = patch.segments;
        if (typeof patch.ended === 'boolean') state.ended = patch.ended;
        if (patch.manifestStatus === 0 || (Number.isInteger(patch.manifestStatus) && patch.manifestStatus! >= 400 && patch.manifestStatus! <= 599)) state.manifestStatus = patch.manifestStatus!;
        if (typeof patch.latency === 'number' && patch.latency >= 0) state.latency = patch.latency;
        if (patch.metadata) {
          // Default: the next segment to be published (players have not fetched it yet).
          const window = liveWindow({ epoch: state.epoch, now: now(), windowSize, segmentDuration, loopLength });
          const segment = Number.isInteger(patch.metadata.segment) ? patch.metadata.segment! : (window?.last ?? -1) + 1;
          const offsetMs = Math.max(0, Math.min(segmentDuration * 1000 - 1, Number(patch.metadata.offsetMs) || 0));
          const value = typeof patch.metadata.value === 'string' ? patch.metadata.value : JSON.stringify(patch.metadata.value);
          state.metadata.push({ segment, offsetMs, value, at: segmentStart(state.epoch, segment, segmentDuration) + offsetMs });
          if (state.metadata.length > 100) state.metadata.shift();
        }
      }
      sendJson(res, 200, info(name), { 'cache-control': 'no-store' });
      return true;
    }

    const live = /^\/hls\/(live|replay)\/([\w-]{1,64})\/(.+)$/.exec(url.pathname);
    if (!live || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const replay = live[1] === 'replay';
    const name = live[2]!;
    const path = live[3]!;
    const state = stream(name);
    const notFound = (): true => {
      res.writeHead(404, { ...cors, 'content-type': 'text/plain' });
      res.end('Not found');
      return true;
    };
    if (!state) return notFound();
    if (state.latency > 0) await new Promise((resolve) => setTimeout(resolve, state.latency));

    if (path === 'master.m3u8') {
      if (state.manifestStatus) {
        res.writeHead(state.manifestStatus, { ...cors, 'content-type': 'text/plain' });
        res.end('Refused');
        return true;
      }
      if (state.offline) return notFound();
      res.writeHead(200, { ...cors, 'content-type': contentType(path) });
      res.end(master);
      return true;
    }

    const folder = path.slice(0, path.lastIndexOf('/'));
    const file = path.slice(path.lastIndexOf('/') + 1);
    const rendition = renditions.get(folder);
    if (!rendition) return notFound();

    if (file === 'index.m3u8') {
      if (state.offline) return notFound();
      const extension = rendition.kind === 'subtitles' ? 'vtt' : 'm4s';
      // A replay lists the first loop (segments 0 .. loopLength-1) and ends.
      const text = livePlaylist({
        epoch: state.epoch,
        now: replay ? state.epoch + loopLength * segmentDuration * 1000 : now(),
        windowSize: replay ? loopLength : windowSize,
        segmentDuration,
        loopLength,
        targetDuration: rendition.playlist.targetDuration,
        init: rendition.playlist.init,
        ended: replay || state.ended,
        uri: (k) => `k${k}.${extension}`,
      });
      if (!text) return notFound();
      res.writeHead(200, { ...cors, 'content-type': contentType(file) });
      res.end(text);
      return true;
    }

    if (file === rendition.playlist.init) {
      res.writeHead(200, { ...cors, 'content-type': 'video/mp4' });
      res.end(readFileSync(join(options.mediaDir, folder, file)));
      return true;
    }

    const segment = /^k(\d{1,9})\.(m4s|vtt)$/.exec(file);
    if (!segment) return notFound();
    const k = Number(segment[1]);
    const window = liveWindow({ epoch: state.epoch, now: now(), windowSize, segmentDuration, loopLength });
    // Only segments that exist by now (a player asking ahead of the live edge gets 404).
    if (replay ? k >= loopLength : !window || k > window.last) return notFound();
    const committed = rendition.playlist.segments[k % loopLength]!;
    if (rendition.kind === 'media' && !replay) {
      requests.set(name, (requests.get(name) ?? 0) + 1);
      switch (state.segments) {
        case 'fail':
          res.writeHead(503, { ...cors, 'content-type': 'text/plain' });
          res.end('Service unavailable');
          return true;
        case 'missing':
          return notFound();
        case 'stall':
          // Never answer; the connection closes with the server (or the player's timeout).
          return true;
        case 'corrupt': {
          const bytes = Buffer.from(readFileSync(join(options.mediaDir, folder, committed.file)));
          // Keep the first box header, scramble the rest: parseable framing, undecodable media.
          for (let i = 8; i < bytes.length; i += 1) bytes[i] = (i * 2654435761) >>> 24;
          res.writeHead(200, { ...cors, 'content-type': contentType(committed.file) });
          res.end(bytes);
          return true;
        }
        case 'ok':
          break;
      }
    }
    let body: Buffer = readFileSync(join(options.mediaDir, folder, committed.file));
    if (rendition.kind === 'media') body = withMetadata(state, folder, rendition, k, body);
    res.writeHead(200, { ...cors, 'content-type': contentType(committed.file) });
    res.end(body);
    return true;
  };

  return { route, streams };
}

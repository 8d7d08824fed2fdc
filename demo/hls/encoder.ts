// A real live stream from ffmpeg: a test pattern encoded in real time (`-re`) with the wall-clock
// time burned in, the demo media's frame barcode, and fMP4 HLS with EXT-X-PROGRAM-DATE-TIME in a
// sliding window written to a temp folder. The demo serves it with `npm start -- --encoder`;
// end-to-end tests start their own (`startEncoder()`), since a live encoder is what shows run on.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentType, type Route } from '../http.js';

export interface EncoderOptions {
  /** Folder for the playlists and segments; default a fresh temp folder, removed on stop. */
  readonly dir?: string;
  /** URL prefix the route serves the stream under. Default `/hls/encoder/`. */
  readonly prefix?: string;
  /** Picture size. Default 1280x720 (tests use 640x360: cheaper to encode, same barcode). */
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  /** Seconds per segment; every segment starts with a keyframe. Default 2. */
  readonly segmentDuration?: number;
  /** Segments in the live playlist. Default 6. */
  readonly windowSize?: number;
  /** ffmpeg executable. Default `$FFMPEG_PATH` or `ffmpeg` on the PATH. */
  readonly ffmpeg?: string;
}

/**
 * What tests need to know which program date time a frame has, in the shape of the simulated
 * stream's info (test/support/barcode.ts `expectedProgramDateTime`): frame n of a loop of
 * `loopLength` segments was captured at `epoch + n / fps` seconds (plus whole loops).
 */
export interface EncoderStreamInfo {
  /** Wall-clock ms of frame 0 (EXT-X-PROGRAM-DATE-TIME of segment 0). */
  readonly epoch: number;
  readonly fps: number;
  readonly segmentDuration: number;
  /** Segments after which the barcode's frame number wraps to 0. */
  readonly loopLength: number;
  /** Bits of the barcode (block i white when bit i of the frame number is set). */
  readonly barcodeBits: number;
  /** EXT-X-MEDIA-SEQUENCE and segment count of the current playlist. */
  readonly mediaSequence: number;
  readonly segments: number;
}

export interface Encoder {
  /** Folder ffmpeg writes into. */
  readonly dir: string;
  /** Path of the master playlist on the demo server, e.g. `/hls/encoder/master.m3u8`. */
  readonly src: string;
  /** Serves the stream under the prefix; add it to the demo server's routes. */
  readonly route: Route;
  /** Resolves once the live playlist lists at least `segments` segments (default 3). */
  ready(segments?: number, timeoutMs?: number): Promise<EncoderStreamInfo>;
  info(): Promise<EncoderStreamInfo>;
  stop(): Promise<void>;
}

export class FfmpegMissingError extends Error {
  constructor(readonly executable: string) {
    super(`ffmpeg was not found ("${executable}"); install it (Debian: apt-get install ffmpeg) or set FFMPEG_PATH.`);
    this.name = 'FfmpegMissingError';
  }
}

/** The ffmpeg executable that runs, or null. */
export function findFfmpeg(executable = process.env.FFMPEG_PATH || 'ffmpeg'): string | null {
  const probe = spawnSync(executable, ['-hide_banner', '-version'], { stdio: 'ignore', timeout: 10_000 });
  return probe.status === 0 ? executable : null;
}

/** Segments per barcode loop: long enough that no test is ever near a wrap (33 min at 2 s). */
const LOOP_SEGMENTS = 1000;
/** The demo media's barcode geometry, in 1280x720 picture coordinates (scripts/make-media.sh). */
const BLOCK = { x0: 16, step: 40, width: 32, y: 680, height: 24 };

function filterGraph(options: { width: number; height: number; loopFrames: number; bits: number; font: string | null }): string {
  const { loopFrames, bits, font } = options;
  const strip = `drawbox=x=8:y=672:w=${BLOCK.x0 + bits * BLOCK.step}:h=40:color=black:t=fill`;
  const blocks = Array.from({ length: bits }, (_, bit) => {
    const x = BLOCK.x0 + bit * BLOCK.step;
    return `drawbox=x=${x}:y=${BLOCK.y}:w=${BLOCK.width}:h=${BLOCK.height}:color=white:t=fill:enable='eq(mod(floor(mod(n\\,${loopFrames})/${2 ** bit})\\,2)\\,1)'`;
  });
  const text = (value: string, x: string, y: string, size: number): string[] =>
    font ? [`drawtext=fontfile=${font}:text='${value}':x=${x}:y=${y}:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=12`] : [];
  return [
    'format=yuv420p',
    ...text('VITRINE LIVE ENCODER', '(w-text_w)/2', '60', 48),
    // The wall clock at the moment the frame was made (-re keeps frames in real time).
    ...text('%{gmtime\\:%Y-%m-%d %X} UTC', '(w-text_w)/2', '(h-text_h)/2-40', 56),
    ...text('frame %{n}', '(w-text_w)/2', '(h-text_h)/2+50', 40),
    strip,
    ...blocks,
    ...(options.width !== 1280 || options.height !== 720 ? [`scale=${options.width}:${options.height}`] : []),
  ].join(',');
}

function fontFile(): string | null {
  const match = spawnSync('fc-match', ['-f', '%{file}', 'DejaVu Sans:bold'], { encoding: 'utf8' });
  return match.status === 0 && match.stdout.trim() ? match.stdout.trim() : null;
}

/** Reads EXT-X-MEDIA-SEQUENCE, the first EXT-X-PROGRAM-DATE-TIME and the segment count. */
export function parseLivePlaylist(text: string): { mediaSequence: number; firstProgramDateTime: number | null; segments: number } {
  const sequence = /#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text);
  const pdt = /#EXT-X-PROGRAM-DATE-TIME:([^\r\n]+)/.exec(text);
  return {
    mediaSequence: sequence ? Number(sequence[1]) : 0,
    firstProgramDateTime: pdt ? Date.parse(pdt[1]!.trim()) : null,
    segments: text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#')).length,
  };
}

/** Starts ffmpeg. Rejects with FfmpegMissingError when there is no ffmpeg. */
export async function startEncoder(options: EncoderOptions = {}): Promise<Encoder> {
  const executable = options.ffmpeg ?? (process.env.FFMPEG_PATH || 'ffmpeg');
  if (!findFfmpeg(executable)) throw new FfmpegMissingError(executable);
  const fps = options.fps ?? 30;
  const segmentDuration = options.segmentDuration ?? 2;
  const windowSize = options.windowSize ?? 6;
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const prefix = options.prefix ?? '/hls/encoder/';
  const ownsDir = !options.dir;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vitrine-encoder-'));
  const loopFrames = LOOP_SEGMENTS * fps * segmentDuration;
  const bits = Math.ceil(Math.log2(loopFrames));
  const gop = Math.round(fps * segmentDuration);

  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostats',
    '-re', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=${fps}`,
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:beep_factor=2:sample_rate=48000',
    '-filter_complex', `[0:v]${filterGraph({ width, height, loopFrames, bits, font: fontFile() })}[v];[1:a]volume=0.2[a]`,
    '-map', '[v]', '-map', '[a]',
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'main',
    '-bf', '0', '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0',
    '-b:v', width >= 1280 ? '1500k' : '600k',
    '-c:a', 'aac', '-b:a', '64k', '-ac', '2',
    '-f', 'hls', '-hls_time', String(segmentDuration), '-hls_list_size', String(windowSize),
    '-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4',
    '-hls_flags', 'delete_segments+program_date_time+independent_segments+temp_file',
    '-hls_segment_filename', join(dir, 'seg_%d.m4s'),
    '-master_pl_name', 'master.m3u8',
    join(dir, 'index.m3u8'),
  ];
  const child: ChildProcess = spawn(executable, args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited: { code: number | null; signal: string | null } | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  // Never leave an encoder running behind a process that ended some other way.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const info = async (): Promise<EncoderStreamInfo> => {
    const playlist = parseLivePlaylist(await readFile(join(dir, 'index.m3u8'), 'utf8'));
    if (playlist.firstProgramDateTime === null) throw new Error('encoder playlist has no EXT-X-PROGRAM-DATE-TIME yet');
    return {
      epoch: playlist.firstProgramDateTime - playlist.mediaSequence * segmentDuration * 1000,
      fps,
      segmentDuration,
      loopLength: LOOP_SEGMENTS,
      barcodeBits: bits,
      mediaSequence: playlist.mediaSequence,
      segments: playlist.segments,
    };
  };

  const ready = async (segments = 3, timeoutMs = (segments + 3) * segmentDuration * 1000 + 15_000): Promise<EncoderStreamInfo> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) throw new Error(`ffmpeg exited (${JSON.stringify(exited)}): ${stderr.trim() || 'no output'}`);
      const current = await info().catch(() => null);
      if (current && current.segments >= segments) return current;
      if (Date.now() > deadline) throw new Error(`encoder: no ${segments} segments after ${timeoutMs} ms. ffmpeg said: ${stderr.trim() || 'nothing'}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const route: Route = async (req, res, url) => {
    if (!url.pathname.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const name = url.pathname.slice(prefix.length);
    if (!/^(master\.m3u8|index\.m3u8|init\.mp4|seg_\d{1,9}\.m4s)$/.test(name)) return false;
    let body: Buffer;
    try {
      body = await readFile(join(dir, name));
    } catch {
      // Not written yet, or already slid out of the window and deleted.
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
      res.end('Not found');
      return true;
    }
    res.writeHead(200, { 'content-type': contentType(name), 'content-length': body.length, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(timer);
      }
      if (ownsDir) rmSync(dir, { recursive: true, force: true });
    })());

  return { dir, src: `${prefix}master.m3u8`, route, ready, info, stop };
}

// Timed metadata in the simulated live stream: an ID3 TXXX "vitrine" frame in a real emsg box
// (version 1, the AOM ID3 scheme), timed on the video track, and the player's ID3 reader.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipeline } from '../../demo/http.js';
import { ID3_SCHEME, baseMediaDecodeTime, id3Txxx, videoTrack } from '../../demo/hls/emsg.js';
import { createHlsRoutes, type StreamInfo } from '../../demo/hls/routes.js';
import { vitrineFrames } from '../../src/player/id3.js';

const mediaDir = fileURLToPath(new URL('../../demo/media/', import.meta.url));
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(pipeline([createHlsRoutes({ mediaDir }).route]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** The top-level emsg boxes of a segment: version, timescale, presentation time, scheme, message. */
function emsgs(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = [];
  for (let offset = 0; offset + 8 <= bytes.length; offset += view.getUint32(offset)) {
    if (String.fromCharCode(...bytes.subarray(offset + 4, offset + 8)) !== 'emsg') continue;
    const size = view.getUint32(offset);
    const schemeEnd = bytes.indexOf(0, offset + 32);
    found.push({
      version: bytes[offset + 8],
      timescale: view.getUint32(offset + 12),
      presentationTime: Number(view.getBigUint64(offset + 16)),
      scheme: new TextDecoder().decode(bytes.subarray(offset + 32, schemeEnd)),
      message: bytes.subarray(schemeEnd + 2, offset + size),
    });
  }
  return found;
}

describe('timed metadata in the simulated live stream', () => {
  it('puts an ID3 TXXX "vitrine" frame in an emsg box of the next segment, every rendition', async () => {
    const value = { v: 1, type: 'pin', product: 'linen-shirt' };
    const info = (await (await fetch(`${base}/hls/control/meta-a`, { method: 'POST', body: JSON.stringify({ metadata: { value, offsetMs: 500 } }) })).json()) as StreamInfo;
    const [entry] = info.metadata;
    expect(entry!.segment).toBe(info.window!.last + 1);
    expect(entry!.at).toBe(info.epoch + entry!.segment * info.segmentDuration * 1000 + 500);
    // Wait for the segment to be published, then read it as a player would.
    await expect.poll(async () => (await fetch(`${base}/hls/live/meta-a/720p/k${entry!.segment}.m4s`)).status, { timeout: 10_000, interval: 200 }).toBe(200);
    for (const rendition of ['360p', '720p']) {
      const bytes = new Uint8Array(await (await fetch(`${base}/hls/live/meta-a/${rendition}/k${entry!.segment}.m4s`)).arrayBuffer());
      const [box, more] = emsgs(bytes);
      expect(more).toBeUndefined();
      expect(box).toMatchObject({ version: 1, scheme: ID3_SCHEME });
      const init = readFileSync(fileURLToPath(new URL(`../../demo/media/${rendition}/init_${rendition === '360p' ? 0 : 1}.mp4`, import.meta.url)));
      const track = videoTrack(init);
      expect(box!.timescale).toBe(track.timescale);
      expect(box!.presentationTime).toBe(baseMediaDecodeTime(bytes, track.id) + track.timescale / 2);
      expect(vitrineFrames(box!.message).map((text) => JSON.parse(text))).toEqual([value]);
    }
    // Other segments carry none.
    const other = new Uint8Array(await (await fetch(`${base}/hls/live/meta-a/720p/k${entry!.segment - 1}.m4s`)).arrayBuffer());
    expect(emsgs(other)).toEqual([]);
  });
});

describe('ID3 reader', () => {
  it('reads TXXX "vitrine" values (UTF-8 and Latin-1, ID3 v2.4 and v2.3) and skips the rest', () => {
    expect(vitrineFrames(id3Txxx('vitrine', '{"v":1,"type":"pin","product":"café"}'))).toEqual(['{"v":1,"type":"pin","product":"café"}']);
    expect(vitrineFrames(id3Txxx('other', 'x'))).toEqual([]);
    // v2.3: plain (not syncsafe) frame sizes, Latin-1 text, two frames.
    const frame = (description: string, value: string) => {
      const body = [0, ...Buffer.from(description, 'latin1'), 0, ...Buffer.from(value, 'latin1')];
      return [...Buffer.from('TXXX'), 0, 0, 0, body.length, 0, 0, ...body];
    };
    const frames = [...frame('comment', 'hi'), ...frame('vitrine', '{"a":1}')];
    const tag = Uint8Array.from([...Buffer.from('ID3'), 3, 0, 0, 0, 0, 0, frames.length, ...frames]);
    expect(vitrineFrames(tag)).toEqual(['{"a":1}']);
    expect(vitrineFrames(Uint8Array.from([1, 2, 3]))).toEqual([]);
    expect(vitrineFrames(id3Txxx('vitrine', 'x').subarray(0, 14))).toEqual([]);
  });
});

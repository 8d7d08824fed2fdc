// Timed metadata for the simulated live stream, as an encoder like Amazon IVS's puts it in the
// segments: an ID3v2.4 tag (one TXXX frame) in an `emsg` box (version 1, scheme
// https://aomedia.org/emsg/ID3) placed before the segment's `moof`, timed on the video track.
// Real bytes, so the player's real hls.js parses them.

/** The emsg scheme for ID3 in CMAF (AOM "Carriage of ID3 Timed Metadata in CMAF"). */
export const ID3_SCHEME = 'https://aomedia.org/emsg/ID3';

interface Box {
  readonly type: string;
  readonly start: number;
  readonly size: number;
}

function boxes(bytes: Uint8Array, start = 0, end = bytes.length): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Box[] = [];
  for (let offset = start; offset + 8 <= end; ) {
    let size = view.getUint32(offset);
    if (size === 1) size = Number(view.getBigUint64(offset + 8));
    if (size < 8) break;
    found.push({ type: String.fromCharCode(...bytes.subarray(offset + 4, offset + 8)), start: offset, size });
    offset += size;
  }
  return found;
}

const child = (bytes: Uint8Array, parent: Box, type: string, header = 8): Box | undefined =>
  boxes(bytes, parent.start + header, parent.start + parent.size).find((box) => box.type === type);

/** The video track's id and timescale, from an init segment (`moov/trak/mdia/{hdlr,mdhd}`). */
export function videoTrack(init: Uint8Array): { id: number; timescale: number } {
  const view = new DataView(init.buffer, init.byteOffset, init.byteLength);
  const moov = boxes(init).find((box) => box.type === 'moov');
  for (const trak of moov ? boxes(init, moov.start + 8, moov.start + moov.size).filter((box) => box.type === 'trak') : []) {
    const tkhd = child(init, trak, 'tkhd');
    const mdia = child(init, trak, 'mdia');
    const hdlr = mdia && child(init, mdia, 'hdlr');
    const mdhd = mdia && child(init, mdia, 'mdhd');
    if (!tkhd || !hdlr || !mdhd || String.fromCharCode(...init.subarray(hdlr.start + 16, hdlr.start + 20)) !== 'vide') continue;
    const v1 = (box: Box) => init[box.start + 8] === 1;
    return {
      id: view.getUint32(tkhd.start + (v1(tkhd) ? 28 : 20)),
      timescale: view.getUint32(mdhd.start + (v1(mdhd) ? 28 : 20)),
    };
  }
  throw new Error('init segment has no video track');
}

/** The `tfdt` base media decode time of a track in a media segment's first `moof`. */
export function baseMediaDecodeTime(segment: Uint8Array, trackId: number): number {
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  const moof = boxes(segment).find((box) => box.type === 'moof');
  for (const traf of moof ? boxes(segment, moof.start + 8, moof.start + moof.size).filter((box) => box.type === 'traf') : []) {
    const tfhd = child(segment, traf, 'tfhd');
    const tfdt = child(segment, traf, 'tfdt');
    if (!tfhd || !tfdt || view.getUint32(tfhd.start + 12) !== trackId) continue;
    return segment[tfdt.start + 8] === 1 ? Number(view.getBigUint64(tfdt.start + 12)) : view.getUint32(tfdt.start + 12);
  }
  throw new Error(`segment has no tfdt for track ${trackId}`);
}

const syncsafe = (value: number): number[] => [(value >> 21) & 0x7f, (value >> 14) & 0x7f, (value >> 7) & 0x7f, value & 0x7f];

/** An ID3v2.4 tag with one TXXX frame (UTF-8): `description` and `value`. */
export function id3Txxx(description: string, value: string): Uint8Array {
  const text = new TextEncoder();
  const body = [3, ...text.encode(description), 0, ...text.encode(value)];
  const frame = [...text.encode('TXXX'), ...syncsafe(body.length), 0, 0, ...body];
  return Uint8Array.from([...text.encode('ID3'), 4, 0, 0, ...syncsafe(frame.length), ...frame]);
}

/** A version 1 `emsg` box carrying `message` (an ID3 tag) at `presentationTime` / `timescale`. */
export function emsgBox(options: { timescale: number; presentationTime: number; id: number; message: Uint8Array; durationTicks?: number }): Uint8Array {
  const text = new TextEncoder();
  const strings = [...text.encode(ID3_SCHEME), 0, 0]; // scheme_id_uri, empty value
  const size = 8 + 4 + 4 + 8 + 4 + 4 + strings.length + options.message.length;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, size);
  bytes.set(text.encode('emsg'), 4);
  view.setUint32(8, 0x01000000); // version 1, flags 0
  view.setUint32(12, options.timescale);
  view.setBigUint64(16, BigInt(Math.round(options.presentationTime)));
  view.setUint32(24, options.durationTicks ?? 0xffffffff);
  view.setUint32(28, options.id);
  bytes.set(strings, 32);
  bytes.set(options.message, 32 + strings.length);
  return bytes;
}

/** The segment with `emsg` boxes inserted before its first `moof`. */
export function withEmsg(segment: Uint8Array, emsgs: readonly Uint8Array[]): Uint8Array {
  const moof = boxes(segment).find((box) => box.type === 'moof');
  if (!moof || emsgs.length === 0) return segment;
  const extra = emsgs.reduce((sum, box) => sum + box.length, 0);
  const out = new Uint8Array(segment.length + extra);
  out.set(segment.subarray(0, moof.start), 0);
  let offset = moof.start;
  for (const box of emsgs) {
    out.set(box, offset);
    offset += box.length;
  }
  out.set(segment.subarray(moof.start), offset);
  return out;
}

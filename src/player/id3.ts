// Reads Vitrine's timed metadata from an ID3v2 tag (carried in HLS segments as an `emsg` box in
// fMP4 or as timed ID3 in MPEG-TS): TXXX frames whose description is `vitrine`, value JSON.

/** The ID3 description that marks Vitrine's frames (`TXXX`, description `vitrine`). */
export const ID3_DESCRIPTION = 'vitrine';

const syncsafe = (b: Uint8Array, i: number): number => (b[i]! << 21) | (b[i + 1]! << 14) | (b[i + 2]! << 7) | b[i + 3]!;

/** Text of a TXXX string in `encoding` (0 Latin-1, 3 UTF-8; UTF-16 ones are not ours). */
function text(bytes: Uint8Array, encoding: number): string {
  return new TextDecoder(encoding === 3 ? 'utf-8' : 'latin1').decode(bytes);
}

/** The values of the tag's `TXXX:vitrine` frames (usually one), as strings. */
export function vitrineFrames(tag: Uint8Array): string[] {
  const values: string[] = [];
  // "ID3", version 3 or 4, flags, syncsafe size.
  if (tag.length < 10 || tag[0] !== 0x49 || tag[1] !== 0x44 || tag[2] !== 0x33) return values;
  const version = tag[3]!;
  const end = Math.min(tag.length, 10 + syncsafe(tag, 6));
  let offset = 10;
  // An extended header (flag 0x40) is skipped by its size.
  if (tag[5]! & 0x40) offset += version === 4 ? syncsafe(tag, 10) : 4 + ((tag[10]! << 24) | (tag[11]! << 16) | (tag[12]! << 8) | tag[13]!);
  while (offset + 10 <= end) {
    const id = String.fromCharCode(tag[offset]!, tag[offset + 1]!, tag[offset + 2]!, tag[offset + 3]!);
    const size = version === 4 ? syncsafe(tag, offset + 4) : ((tag[offset + 4]! << 24) | (tag[offset + 5]! << 16) | (tag[offset + 6]! << 8) | tag[offset + 7]!) >>> 0;
    if (id === '\0\0\0\0' || size <= 0) break;
    const body = tag.subarray(offset + 10, Math.min(end, offset + 10 + size));
    offset += 10 + size;
    if (id !== 'TXXX' || body.length < 2) continue;
    const encoding = body[0]!;
    if (encoding !== 0 && encoding !== 3) continue;
    const zero = body.indexOf(0, 1);
    if (zero < 0) continue;
    if (text(body.subarray(1, zero), encoding) !== ID3_DESCRIPTION) continue;
    const value = body.subarray(zero + 1);
    values.push(text(value[value.length - 1] === 0 ? value.subarray(0, -1) : value, encoding));
  }
  return values;
}

import type { ImageType } from './sniff.ts';

/**
 * Structural checks of an image file before anything decodes it: the dimensions from the header
 * (so a decompression bomb — a few kilobytes declaring 50,000 × 50,000 pixels — is refused
 * without allocating its pixels) and whether the file is complete (a truncated upload is refused
 * while the client can still send it again). Pure and total: any bytes give a result.
 */
export type Inspection =
  | { ok: true; width: number; height: number }
  | { ok: false; problem: 'truncated' | 'malformed'; reason: string };

export function inspectImage(type: ImageType, bytes: Uint8Array): Inspection {
  try {
    if (type === 'jpeg') return inspectJpeg(bytes);
    if (type === 'png') return inspectPng(bytes);
    return inspectWebp(bytes);
  } catch (error) {
    // A RangeError from a read past the end of a typed array is a truncated file.
    if (error instanceof RangeError) return { ok: false, problem: 'truncated', reason: 'the file ends in the middle of a header' };
    throw error;
  }
}

const malformed = (reason: string): Inspection => ({ ok: false, problem: 'malformed', reason });
const truncated = (reason: string): Inspection => ({ ok: false, problem: 'truncated', reason });

function u16be(b: Uint8Array, i: number): number {
  if (i + 2 > b.length) throw new RangeError('past end');
  return (b[i]! << 8) | b[i + 1]!;
}

function u32be(b: Uint8Array, i: number): number {
  if (i + 4 > b.length) throw new RangeError('past end');
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}

function u16le(b: Uint8Array, i: number): number {
  if (i + 2 > b.length) throw new RangeError('past end');
  return b[i]! | (b[i + 1]! << 8);
}

function u24le(b: Uint8Array, i: number): number {
  if (i + 3 > b.length) throw new RangeError('past end');
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
}

function u32le(b: Uint8Array, i: number): number {
  if (i + 4 > b.length) throw new RangeError('past end');
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + ((b[i + 3]! << 24) >>> 0);
}

// SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * Walks the JPEG's segments; after each start-of-scan it skips the entropy-coded data (where 0xFF
 * is stuffed as FF 00 and restart markers are FF D0–D7) to the next marker. Complete means an
 * end-of-image marker was reached; bytes after it (phones append trailers, motion photos a
 * video) are allowed.
 */
function inspectJpeg(b: Uint8Array): Inspection {
  let i = 2;
  let width = 0;
  let height = 0;
  let scans = 0;
  for (;;) {
    if (i >= b.length) return truncated('the JPEG ends before its end-of-image marker');
    if (b[i] !== 0xff) return malformed(`expected a JPEG marker at byte ${i}`);
    while (i < b.length && b[i] === 0xff) i += 1; // fill bytes
    if (i >= b.length) return truncated('the JPEG ends before its end-of-image marker');
    const marker = b[i]!;
    i += 1;
    if (marker === 0xd9) {
      if (scans === 0 || width === 0) return malformed('the JPEG has no frame or no image data');
      return { ok: true, width, height };
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    const length = u16be(b, i);
    if (length < 2) return malformed('a JPEG segment has an impossible length');
    if (isStartOfFrame(marker)) {
      height = u16be(b, i + 3);
      width = u16be(b, i + 5);
      if (width === 0 || height === 0) return malformed('the JPEG declares an empty frame');
    }
    i += length;
    if (i > b.length) return truncated('the JPEG ends in the middle of a segment');
    if (marker === 0xda) {
      scans += 1;
      // Entropy-coded data up to the next real marker.
      for (;;) {
        const ff = indexOfByte(b, 0xff, i);
        if (ff < 0 || ff + 1 >= b.length) return truncated('the JPEG ends in the middle of its image data');
        const next = b[ff + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          i = next === 0xff ? ff + 1 : ff + 2;
          continue;
        }
        i = ff;
        break;
      }
    }
  }
}

function indexOfByte(b: Uint8Array, value: number, from: number): number {
  return b.indexOf(value, from);
}

const PNG_HEADER_END = 8;

/** Walks the PNG chunks to IEND; the size comes from IHDR, which must come first. */
function inspectPng(b: Uint8Array): Inspection {
  let i = PNG_HEADER_END;
  let width = 0;
  let height = 0;
  let first = true;
  let sawData = false;
  for (;;) {
    if (i + 8 > b.length) return truncated('the PNG ends before its IEND chunk');
    const length = u32be(b, i);
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    if (first) {
      if (type !== 'IHDR' || length !== 13) return malformed('the PNG does not start with an IHDR chunk');
      width = u32be(b, i + 8);
      height = u32be(b, i + 12);
      if (width === 0 || height === 0) return malformed('the PNG declares an empty image');
      first = false;
    }
    if (type === 'IDAT') sawData = true;
    const end = i + 12 + length;
    if (end > b.length) return truncated(`the PNG ends in the middle of its ${/^[A-Za-z]{4}$/.test(type) ? type : 'data'} chunk`);
    if (type === 'IEND') return sawData ? { ok: true, width, height } : malformed('the PNG has no image data');
    i = end;
  }
}

/** The RIFF length must be covered by the file; the size comes from the VP8, VP8L or VP8X header. */
function inspectWebp(b: Uint8Array): Inspection {
  const riffLength = u32le(b, 4);
  if (riffLength + 8 > b.length) return truncated('the WebP file is shorter than its RIFF header says');
  if (riffLength < 12) return malformed('the WebP RIFF header is too short');
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return malformed('the WebP VP8 frame has no start code');
    return dims(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return malformed('the WebP VP8L stream has no signature');
    const bits = u32le(b, 21);
    return dims((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return dims(u24le(b, 24) + 1, u24le(b, 27) + 1);
  return malformed(`unknown WebP chunk ${JSON.stringify(chunk)}`);
}

function dims(width: number, height: number): Inspection {
  return width > 0 && height > 0 ? { ok: true, width, height } : malformed('the image declares an empty size');
}

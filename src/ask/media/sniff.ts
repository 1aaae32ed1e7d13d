/**
 * What a photo really is, from its first bytes (magic numbers), whatever the client declared.
 * Only formats sharp decodes here are accepted; HEIC is recognised so that the error can say
 * what to do (this sharp build has no HEVC decoder; browsers convert HEIC to JPEG on upload).
 */
export type ImageType = 'jpeg' | 'png' | 'webp';

export type Sniffed =
  | { kind: 'image'; type: ImageType; contentType: string; extension: string }
  | { kind: 'unsupported'; name: 'heic' | 'avif' | 'gif' | 'tiff' | 'bmp' | 'unknown' };

const CONTENT_TYPES: Record<ImageType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const EXTENSIONS: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

function ascii(bytes: Uint8Array, from: number, length: number): string {
  if (bytes.length < from + length) return '';
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

function image(type: ImageType): Sniffed {
  return { kind: 'image', type, contentType: CONTENT_TYPES[type], extension: EXTENSIONS[type] };
}

/** Sniffs the type from the first bytes (12 are enough). Never throws. */
export function sniffImage(bytes: Uint8Array): Sniffed {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return image('jpeg');
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return image('png');
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return image('webp');
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'avif' || brand === 'avis') return { kind: 'unsupported', name: 'avif' };
    if (HEIC_BRANDS.has(brand)) return { kind: 'unsupported', name: 'heic' };
  }
  const magic = ascii(bytes, 0, 4);
  if (magic.startsWith('GIF8')) return { kind: 'unsupported', name: 'gif' };
  if (magic === 'II*\u0000' || magic === 'MM\u0000*') return { kind: 'unsupported', name: 'tiff' };
  if (magic.startsWith('BM')) return { kind: 'unsupported', name: 'bmp' };
  return { kind: 'unsupported', name: 'unknown' };
}

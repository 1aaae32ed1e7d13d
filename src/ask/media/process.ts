import sharp from 'sharp';
import { readPhotoMetadata, type PhotoMetadata } from './exif.ts';
import { PHASH_SIDE, phashOfGrey } from './phash.ts';

/** Pixels a photo may have; a 48-megapixel phone camera fits, a decompression bomb does not. */
export const MAX_PIXELS = 60_000_000;
const DISPLAY_SIDE = 1600;
const THUMB_SIDE = 320;

export interface ProcessedPhoto {
  width: number;
  height: number;
  phash: string;
  metadata: PhotoMetadata;
  /** JPEG without any metadata (EXIF, XMP, ICC, GPS), for the dashboard and public pages. */
  display: Buffer;
  thumbnail: Buffer;
}

/**
 * The heavy work on one accepted original: EXIF time and place read first (the copies have
 * none), a full decode that fails on truncated or corrupt data, the perceptual hash, and the
 * metadata-free display copy and thumbnail. sharp drops all metadata unless asked to keep it
 * (`withMetadata`/`keepExif`, never called here); `rotate()` applies the EXIF orientation to the
 * pixels first so the stripped copies stand the right way up.
 */
export async function processPhoto(original: Buffer): Promise<ProcessedPhoto> {
  const options = { limitInputPixels: MAX_PIXELS, failOn: 'truncated' as const };
  const metadata = await readPhotoMetadata(original);
  const oriented = sharp(original, options).rotate();
  const [grey, display, thumbnail] = await Promise.all([
    oriented.clone().greyscale().resize(PHASH_SIDE, PHASH_SIDE, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true }),
    oriented.clone().resize(DISPLAY_SIDE, DISPLAY_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: false }).toBuffer({ resolveWithObject: true }),
    oriented.clone().resize(THUMB_SIDE, THUMB_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer(),
  ]);
  const pixels = grey.info.channels === 1 ? grey.data : firstChannel(grey.data, grey.info.channels);
  const size = await sharp(original, options).metadata();
  const swapped = (size.orientation ?? 1) >= 5;
  return {
    width: (swapped ? size.height : size.width) ?? display.info.width,
    height: (swapped ? size.width : size.height) ?? display.info.height,
    phash: phashOfGrey(pixels),
    metadata,
    display: display.data,
    thumbnail,
  };
}

function firstChannel(data: Buffer, channels: number): Uint8Array {
  const out = new Uint8Array(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels]!;
  return out;
}

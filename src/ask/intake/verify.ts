import { open } from 'node:fs/promises';
import { inspectImage } from '../media/inspect.ts';
import { MAX_PIXELS } from '../media/process.ts';
import { sniffImage, type ImageType } from '../media/sniff.ts';
import type { IncomingFile } from '../media/media-files.ts';
import { MediaRejection } from './rejection.ts';

export interface VerifiedPhoto {
  incoming: IncomingFile;
  type: ImageType;
  contentType: string;
  extension: string;
  declaredType: string | null;
  width: number;
  height: number;
}

const HINTS: Record<string, string> = {
  heic: 'HEIC photos cannot be read here; send JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible).',
  avif: 'AVIF photos are not accepted; send JPEG, PNG or WebP.',
  gif: 'GIF files are not accepted; send a photo as JPEG, PNG or WebP.',
  tiff: 'TIFF files are not accepted; send JPEG, PNG or WebP.',
  bmp: 'BMP files are not accepted; send JPEG, PNG or WebP.',
  unknown: 'This file is not a JPEG, PNG or WebP image.',
};

/**
 * Checks one received file before it is accepted: the real type from its magic bytes (the
 * declared content type is recorded, never trusted), the pixel count from its header (a
 * decompression bomb is refused before any decode), and that the file is complete.
 */
export async function verifyPhoto(incoming: IncomingFile, declaredType: string | null, part: number): Promise<VerifiedPhoto> {
  if (incoming.byteSize === 0) throw new MediaRejection('EMPTY_FILE', `File ${part} is empty.`, part);
  const bytes = await readAll(incoming.path, incoming.byteSize);
  const sniffed = sniffImage(bytes.subarray(0, 16));
  if (sniffed.kind !== 'image') throw new MediaRejection('UNSUPPORTED_MEDIA_TYPE', `File ${part}: ${HINTS[sniffed.name]}`, part);
  const inspection = inspectImage(sniffed.type, bytes);
  if (!inspection.ok) {
    const code = inspection.problem === 'truncated' ? 'IMAGE_TRUNCATED' : 'IMAGE_MALFORMED';
    const advice = inspection.problem === 'truncated' ? ' The upload was probably cut off; please send it again.' : '';
    throw new MediaRejection(code, `File ${part} is not a complete ${sniffed.type.toUpperCase()} image: ${inspection.reason}.${advice}`, part);
  }
  if (inspection.width * inspection.height > MAX_PIXELS) {
    throw new MediaRejection(
      'IMAGE_DIMENSIONS_TOO_LARGE',
      `File ${part} declares ${inspection.width} × ${inspection.height} pixels; at most ${MAX_PIXELS / 1_000_000} megapixels are accepted.`,
      part,
    );
  }
  return { incoming, type: sniffed.type, contentType: sniffed.contentType, extension: sniffed.extension, declaredType, width: inspection.width, height: inspection.height };
}

async function readAll(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

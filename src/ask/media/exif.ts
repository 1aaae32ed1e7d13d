import exifr from 'exifr';

/** What Waakzaam keeps from a photo's metadata: when and where it was taken, nothing about the device. */
export interface PhotoMetadata {
  takenAt: string | null;
  lat: number | null;
  lon: number | null;
}

const NONE: PhotoMetadata = { takenAt: null, lat: null, lon: null };

/**
 * Reads EXIF time and GPS position from the original bytes (before any copy strips them). Any
 * input gives a result: broken or hostile metadata yields nulls. Camera make, model and serial
 * numbers are deliberately not read, so they never reach the database (tipster anonymity).
 */
export async function readPhotoMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  let raw: unknown;
  try {
    raw = await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'],
      reviveValues: true,
      translateValues: false,
    });
  } catch {
    return NONE;
  }
  if (typeof raw !== 'object' || raw === null) return NONE;
  const tags = raw as Record<string, unknown>;
  return { takenAt: takenAtOf(tags), ...positionOf(tags) };
}

function takenAtOf(tags: Record<string, unknown>): string | null {
  const value = tags.DateTimeOriginal ?? tags.CreateDate;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return null;
  const year = value.getUTCFullYear();
  return year >= 1990 && year <= 2100 ? value.toISOString() : null;
}

function positionOf(tags: Record<string, unknown>): { lat: number | null; lon: number | null } {
  const lat = tags.latitude;
  const lon = tags.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return { lat: null, lon: null };
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return { lat: null, lon: null };
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BkTree } from '#ask/media/bk-tree.ts';
import { readPhotoMetadata } from '#ask/media/exif.ts';
import { inspectImage } from '#ask/media/inspect.ts';
import { NEAR_DUPLICATE_DISTANCE } from '#ask/media/media-processor.ts';
import { hammingDistance, phashOfGrey } from '#ask/media/phash.ts';
import { processPhoto } from '#ask/media/process.ts';
import { sniffImage } from '#ask/media/sniff.ts';
import { bombPng } from './fixtures.ts';
import { makePhoto, recompress } from './support.ts';

describe('sniffing', () => {
  it('knows JPEG, PNG and WebP by their bytes, and names HEIC, AVIF and GIF', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } });
    expect(sniffImage(await base.clone().jpeg().toBuffer())).toMatchObject({ kind: 'image', type: 'jpeg', contentType: 'image/jpeg' });
    expect(sniffImage(await base.clone().png().toBuffer())).toMatchObject({ kind: 'image', type: 'png' });
    expect(sniffImage(await base.clone().webp().toBuffer())).toMatchObject({ kind: 'image', type: 'webp' });
    expect(sniffImage(await base.clone().avif().toBuffer())).toEqual({ kind: 'unsupported', name: 'avif' });
    expect(sniffImage(Buffer.from('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000', 'latin1'))).toEqual({ kind: 'unsupported', name: 'heic' });
    expect(sniffImage(Buffer.from('GIF89a'))).toEqual({ kind: 'unsupported', name: 'gif' });
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ kind: 'unsupported', name: 'unknown' });
  });

  it('never throws on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => void sniffImage(bytes)));
  });
});

describe('inspection before decoding', () => {
  it('reads the size of complete JPEG, PNG and WebP files from their headers', async () => {
    const base = sharp({ create: { width: 333, height: 222, channels: 3, background: '#405060' } });
    expect(inspectImage('jpeg', await base.clone().jpeg().toBuffer())).toEqual({ ok: true, width: 333, height: 222 });
    expect(inspectImage('jpeg', await base.clone().jpeg({ progressive: true }).toBuffer())).toEqual({ ok: true, width: 333, height: 222 });
    expect(inspectImage('png', await base.clone().png().toBuffer())).toEqual({ ok: true, width: 333, height: 222 });
    expect(inspectImage('webp', await base.clone().webp().toBuffer())).toEqual({ ok: true, width: 333, height: 222 });
    expect(inspectImage('webp', await base.clone().webp({ lossless: true }).toBuffer())).toEqual({ ok: true, width: 333, height: 222 });
  });

  it('gives the declared size of a decompression bomb without decoding it', () => {
    const bomb = bombPng(50_000, 50_000);
    expect(bomb.length).toBeLessThan(2000);
    expect(inspectImage('png', bomb)).toEqual({ ok: true, width: 50_000, height: 50_000 });
  });

  it('finds truncated files of every type, and accepts bytes after the JPEG end marker', async () => {
    const photo = await makePhoto(400, 300);
    for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
      expect(inspectImage('jpeg', photo.subarray(0, Math.floor(photo.length * fraction)))).toMatchObject({ ok: false, problem: 'truncated' });
    }
    expect(inspectImage('jpeg', Buffer.concat([photo, Buffer.from('SEFT trailer of a phone')]))).toMatchObject({ ok: true });
    const png = await sharp(photo).png().toBuffer();
    expect(inspectImage('png', png.subarray(0, png.length - 20))).toMatchObject({ ok: false, problem: 'truncated' });
    const webp = await sharp(photo).webp().toBuffer();
    expect(inspectImage('webp', webp.subarray(0, webp.length - 10))).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('never throws on any bytes after a valid signature', () => {
    const prefixes = { jpeg: [0xff, 0xd8, 0xff], png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], webp: [...Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBP', 'latin1')] };
    fc.assert(
      fc.property(fc.constantFrom<'jpeg' | 'png' | 'webp'>('jpeg', 'png', 'webp'), fc.uint8Array({ maxLength: 2048 }), (type, tail) => {
        const result = inspectImage(type, Uint8Array.from([...prefixes[type], ...tail]));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a real image with bytes flipped or cut', async () => {
    const photo = await makePhoto(120, 90);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(photo.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(photo.length), (flips, cut) => {
        const bytes = Uint8Array.from(photo.subarray(0, Math.max(3, cut)));
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        void inspectImage('jpeg', bytes);
      }),
      { numRuns: 500 },
    );
  });
});

describe('EXIF', () => {
  it('reads time and GPS position, and nothing about the device', async () => {
    const photo = await makePhoto(200, 150, {
      exif: {
        IFD0: { Make: 'SecretPhoneMaker', Model: 'X1' },
        IFD2: { DateTimeOriginal: '2026:07:04 21:14:05' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 2184/100', GPSLongitudeRef: 'E', GPSLongitude: '5/1 6/1 3636/100' },
      },
    });
    const metadata = await readPhotoMetadata(photo);
    expect(metadata.takenAt).not.toBeNull();
    expect(metadata.lat).toBeCloseTo(52.0894, 3);
    expect(metadata.lon).toBeCloseTo(5.1101, 3);
    expect(Object.keys(metadata).sort()).toEqual(['lat', 'lon', 'takenAt']);
  });

  it('never throws on any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (tail) => {
        const result = await readPhotoMetadata(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, ...tail]));
        expect(result).toHaveProperty('takenAt');
      }),
      { numRuns: 300 },
    );
  });
});

describe('perceptual hash and grouping', () => {
  async function hashOf(photo: Buffer): Promise<string> {
    return (await processPhoto(photo)).phash;
  }

  it('keeps a photo resized and recompressed near, and a different photo far', async () => {
    const photo = await makePhoto(1600, 1200);
    const [original, smaller, harder, other] = await Promise.all([hashOf(photo), hashOf(await recompress(photo, 0.5, 60)), hashOf(await recompress(photo, 0.25, 35)), hashOf(await makePhoto(1600, 1200))]);
    expect(hammingDistance(original, smaller)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(hammingDistance(original, harder)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(hammingDistance(original, other)).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE);
  });

  it('hashes 32 × 32 grey pixels into 64 bits; a uniform shift changes nothing', () => {
    const pixels = Uint8Array.from({ length: 1024 }, (_, i) => (i * 37) % 200);
    const brighter = pixels.map((v) => v + 40);
    const hash = phashOfGrey(pixels);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(hash, phashOfGrey(brighter))).toBe(0);
    expect(hammingDistance(hash, hash)).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
  });

  it('finds the same neighbours in a BK-tree as a linear scan', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(fc.array(hex, { minLength: 1, maxLength: 200 }), hex, fc.integer({ min: 0, max: 20 }), (hashes, query, distance) => {
        const tree = new BkTree<number>();
        hashes.forEach((h, i) => tree.add(h, i));
        const fromTree = tree.within(query, distance).map((m) => m.value).sort((a, b) => a - b);
        const linear = hashes.flatMap((h, i) => (hammingDistance(h, query) <= distance ? [i] : []));
        expect(fromTree).toEqual(linear);
      }),
      { numRuns: 300 },
    );
  });
});

describe('processing', () => {
  it('makes copies without metadata, oriented upright, and refuses a truncated image on full decode', async () => {
    // Orientation 6: the camera was turned a quarter; the copies must stand upright without the tag.
    const photo = await sharp(await makePhoto(600, 400, { exif: { IFD0: { Make: 'SecretPhoneMaker' } } }))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const result = await processPhoto(photo);
    const display = await sharp(result.display).metadata();
    expect(display.exif).toBeUndefined();
    expect(display.icc).toBeUndefined();
    expect([display.width, display.height]).toEqual([400, 600]);
    expect(result.display.includes(Buffer.from('SecretPhoneMaker'))).toBe(false);
    expect(result.thumbnail.length).toBeLessThan(result.display.length);
    await expect(processPhoto(photo.subarray(0, photo.length - 200))).rejects.toThrow();
  });
});

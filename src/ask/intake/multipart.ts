import type { FastifyRequest } from 'fastify';
import type { MediaFiles } from '../media/media-files.ts';
import { MediaRejection } from './rejection.ts';
import { verifyPhoto, type VerifiedPhoto } from './verify.ts';

export interface UploadLimits {
  /** Largest accepted photo, in bytes. */
  maxFileBytes: number;
  maxFiles: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 15 * 1024 * 1024, maxFiles: 5 };
const MAX_FIELD_BYTES = 16 * 1024;

export interface ReceivedUpload {
  /** The text fields by name (the last one wins). */
  fields: Map<string, string>;
  photos: VerifiedPhoto[];
}

interface MultipartError {
  code?: string;
}

/**
 * Receives a multipart/form-data upload: each file part streams to a temporary file (hashed on
 * the way, never buffered whole in memory), then every file is verified. On any refusal all
 * received files are removed and a {@link MediaRejection} says why; the caller owns the files
 * of a successful upload until it keeps or discards them.
 */
export async function receiveUpload(request: FastifyRequest, files: MediaFiles, limits: UploadLimits, fileField = 'photo'): Promise<ReceivedUpload> {
  const fields = new Map<string, string>();
  const received: { incoming: Awaited<ReturnType<MediaFiles['receive']>>; declared: string | null }[] = [];
  const photos: VerifiedPhoto[] = [];
  try {
    if (!request.isMultipart()) throw new MediaRejection('UNSUPPORTED_MEDIA_TYPE', 'Send the tip as multipart/form-data (a "tip" field with JSON and "photo" files).');
    const parts = request.parts({ limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, fieldSize: MAX_FIELD_BYTES, parts: limits.maxFiles + 20 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields.set(part.fieldname, part.value);
        if (part.valueTruncated) throw new MediaRejection('FILE_TOO_LARGE', `The field "${part.fieldname}" is longer than ${MAX_FIELD_BYTES} bytes.`);
        continue;
      }
      if (part.fieldname !== fileField) {
        part.file.resume();
        throw new MediaRejection('UNSUPPORTED_MEDIA_TYPE', `Unexpected file field "${part.fieldname}"; send photos as "${fileField}".`);
      }
      const incoming = await files.receive(part.file);
      received.push({ incoming, declared: part.mimetype || null });
      if (incoming.truncated) throw new MediaRejection('FILE_TOO_LARGE', `File ${received.length} is larger than ${limits.maxFileBytes} bytes.`, received.length);
    }
    for (const [index, file] of received.entries()) photos.push(await verifyPhoto(file.incoming, file.declared, index + 1));
    return { fields, photos };
  } catch (error) {
    await Promise.all(received.map((file) => files.discard(file.incoming)));
    throw translate(error, limits, received.length + 1);
  }
}

/** @fastify/multipart's own limit errors, in our words. */
function translate(error: unknown, limits: UploadLimits, part: number): unknown {
  const code = (error as MultipartError | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new MediaRejection('FILE_TOO_LARGE', `File ${part} is larger than ${limits.maxFileBytes} bytes (${Math.round(limits.maxFileBytes / 1024 / 1024)} MB).`, part);
  if (code === 'FST_FILES_LIMIT') return new MediaRejection('TOO_MANY_FILES', `At most ${limits.maxFiles} photos per tip.`);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new MediaRejection('TOO_MANY_FILES', 'Too many parts in this upload.');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new MediaRejection('UNSUPPORTED_MEDIA_TYPE', 'Send the upload as multipart/form-data.');
  // The multipart parser's own errors ("Unexpected end of form", a bad boundary) carry no code;
  // system errors (disk full) do, and stay server errors.
  if (error instanceof Error && !(error instanceof MediaRejection) && code === undefined) {
    return new MediaRejection('MALFORMED_UPLOAD', `The multipart body could not be read: ${error.message}.`);
  }
  return error;
}

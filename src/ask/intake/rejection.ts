/**
 * Why an upload was refused (SPEC A3). The HTTP layer maps each code to a status and a
 * problem+json type (`urn:waakzaam:problem:<code>`); the service never speaks HTTP.
 */
export type RejectionCode =
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_FILES'
  | 'IMAGE_DIMENSIONS_TOO_LARGE'
  | 'IMAGE_TRUNCATED'
  | 'IMAGE_MALFORMED'
  | 'EMPTY_FILE'
  | 'MALFORMED_UPLOAD';

export class MediaRejection extends Error {
  override name = 'MediaRejection';
  constructor(
    readonly code: RejectionCode,
    message: string,
    /** Which part of the upload (the file's position, from 1). */
    readonly part?: number,
  ) {
    super(message);
  }
}

export const REJECTION_STATUS: Record<RejectionCode, number> = {
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TOO_LARGE: 413,
  TOO_MANY_FILES: 413,
  IMAGE_DIMENSIONS_TOO_LARGE: 422,
  IMAGE_TRUNCATED: 422,
  IMAGE_MALFORMED: 422,
  EMPTY_FILE: 422,
  MALFORMED_UPLOAD: 400,
};

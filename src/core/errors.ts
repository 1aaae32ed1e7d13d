/**
 * Domain errors with stable machine codes. Services throw these; the HTTP layer maps them to
 * RFC 9457 problem+json in one place (platform/http/problem.ts) and the CLI prints the message.
 * Services never throw HTTP errors.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine code, e.g. `INVALID_CREDENTIALS`; documented for API clients. */
    readonly code: string,
    message: string,
    /** Extra members for the problem document (e.g. field errors); never secrets. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('invalid', code, message, details);
export const unauthenticated = (code: string, message: string) => new AppError('unauthenticated', code, message);
export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);
export const notFound = (code: string, message: string) => new AppError('not_found', code, message);
export const conflict = (code: string, message: string) => new AppError('conflict', code, message);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

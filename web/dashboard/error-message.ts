import { ApiError, NetworkError } from '../ui/api.ts';
import type { Translator } from '../ui/i18n/language.tsx';

/**
 * One sentence for the operator about a failed request. The server's problem `detail` is written
 * for people and is shown as is; otherwise a translated fallback by kind of failure.
 */
export function errorMessage(error: unknown, { t }: Pick<Translator, 't'>): string {
  if (error instanceof ApiError) {
    if (error.problem?.detail) {
      return error.problem.detail;
    }
    if (error.status === 403) {
      return t('error.forbidden');
    }
    return t('error.unexpected', { status: error.status });
  }
  if (error instanceof NetworkError) {
    return t('error.network');
  }
  return t('error.unexpected', { status: '–' });
}

import { parsePostcodeArea, type PostcodeAreaInfo } from './area.ts';

/*
 * The outline of a postcode-4 area from the public API, for the composer's area picker and the
 * citizen app's "Mijn postcode". Public and cacheable, so no cookie is sent.
 */

export const postcodeAreaUrl = (postcode: string): string => `/api/public/postcode-areas/${encodeURIComponent(postcode)}`;

export type PostcodeLookup = { status: 'found'; area: PostcodeAreaInfo } | { status: 'unknown' } | { status: 'failed' };

/**
 * Looks a postcode up: `unknown` for a code that is no area (404, or 400 for a malformed one),
 * `failed` when the answer did not come or made no sense (the server still checks on submit).
 * An aborted lookup rejects with the AbortError, so a superseded answer is never shown.
 */
export async function lookupPostcodeArea(postcode: string, signal?: AbortSignal): Promise<PostcodeLookup> {
  let response: Response;
  try {
    response = await fetch(postcodeAreaUrl(postcode), { credentials: 'omit', headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { status: 'failed' };
  }
  if (response.status === 404 || response.status === 400) return { status: 'unknown' };
  if (!response.ok) return { status: 'failed' };
  const area = parsePostcodeArea(await response.json().catch(() => null));
  return area && area.postcode === postcode ? { status: 'found', area } : { status: 'failed' };
}

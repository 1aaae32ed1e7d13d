import type { MessageKey } from '../../ui/i18n/catalogue.ts';
import { normalisePath } from '../../ui/router.tsx';

/*
 * Paths of the citizen app's ask pages: an appeal (/citizen/oproep/:id), the tip form for it
 * (/citizen/oproep/:id/tip) and the general tip form of an organisation (/citizen/tip?org=…).
 */

export const APPEAL_BASE = '/citizen/oproep';
export const TIP_PATH = '/citizen/tip';

export function appealPagePath(id: string): string {
  return `${APPEAL_BASE}/${encodeURIComponent(id)}`;
}

export function appealTipPath(id: string): string {
  return `${appealPagePath(id)}/tip`;
}

export type AskPage = { page: 'appeal'; appealId: string } | { page: 'tip'; appealId: string } | { page: 'tip'; appealId: null };

/** The ask page a path shows, or null when it is not one. */
export function askPageOf(pathname: string): AskPage | null {
  const path = normalisePath(pathname);
  if (path === TIP_PATH) return { page: 'tip', appealId: null };
  const match = /^\/citizen\/oproep\/([^/]+)(\/tip)?$/.exec(path);
  if (!match) return null;
  let appealId: string;
  try {
    appealId = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return match[2] ? { page: 'tip', appealId } : { page: 'appeal', appealId };
}

/** The organisation of the general tip form, from `?org=` (the organisation's own site links to it). */
export function organisationOf(search: string): string | null {
  const org = new URLSearchParams(search).get('org');
  return org && /^[A-Za-z0-9_-]{1,64}$/.test(org) ? org : null;
}

/** The page title key of an ask page. */
export function askTitleKey(pathname: string): MessageKey | null {
  const page = askPageOf(pathname);
  if (!page) return null;
  return page.page === 'appeal' ? 'appeal.pageTitle' : 'tip.title';
}

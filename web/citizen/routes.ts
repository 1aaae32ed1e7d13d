import { normalisePath } from '../ui/router.tsx';

/** The citizen app lives under /citizen/; the server answers every path below it with its index.html. */
export const CITIZEN_BASE = '/citizen';

export type CitizenRoute = 'home' | 'privacy' | 'notFound';

export const CITIZEN_PATHS: Readonly<Record<Exclude<CitizenRoute, 'notFound'>, string>> = {
  home: `${CITIZEN_BASE}/`,
  privacy: `${CITIZEN_BASE}/privacy`,
};

export function citizenRouteOf(pathname: string): CitizenRoute {
  const path = normalisePath(pathname);
  if (path === CITIZEN_BASE || path === `${CITIZEN_BASE}/index.html`) {
    return 'home';
  }
  if (path === CITIZEN_PATHS.privacy) {
    return 'privacy';
  }
  return 'notFound';
}

/**
 * Which index.html answers a browser navigation to `url`, or null when the request is not an app
 * page (API, health check, a file with an extension, Vite internals). The server implements the
 * same rule for dist/web; the Vite dev and preview servers use this function directly.
 */
export function spaFallbackPath(url: string): string | null {
  const pathname = url.split(/[?#]/)[0] ?? '/';
  const lastSegment = pathname.split('/').at(-1) ?? '';
  if (
    pathname === '/api' ||
    pathname.startsWith('/api/') ||
    pathname === '/healthz' ||
    pathname.startsWith('/@') ||
    lastSegment.includes('.')
  ) {
    return null;
  }
  if (pathname === '/citizen' || pathname.startsWith('/citizen/')) {
    return '/citizen/index.html';
  }
  return '/index.html';
}

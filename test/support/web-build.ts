import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const WEB_DIR = resolve(import.meta.dirname, '../../dist/web');

/** The built web apps; builds them once when a developer runs the tests without `npm run build`. */
export function ensureWebBuilt(): string {
  if (!existsSync(resolve(WEB_DIR, 'index.html')) || !existsSync(resolve(WEB_DIR, 'citizen/index.html'))) {
    execFileSync(process.execPath, [resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: resolve(import.meta.dirname, '../..'),
      stdio: 'inherit',
    });
  }
  return WEB_DIR;
}

/** The web apps to serve: a developer's own fresh build (`WAAKZAAM_TEST_WEB_DIR`), else dist/web. */
export function webDir(): string {
  return process.env.WAAKZAAM_TEST_WEB_DIR || ensureWebBuilt();
}

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

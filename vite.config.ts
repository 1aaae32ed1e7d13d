import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { spaFallbackPath } from './web/ui/spa-fallback.ts';

/*
 * Build of the two web apps (operator dashboard at /, citizen app at /citizen/) into dist/web,
 * which the Fastify server serves. See docs/decisions/0005-web-apps.md for the layout and the
 * SPA fallbacks the server must implement.
 */

const webRoot = fileURLToPath(new URL('./web/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web/', import.meta.url));
const apiTarget = 'http://127.0.0.1:8080';

function spaFallback(): Plugin {
  const middleware: Connect.NextHandleFunction = (req, _res, next) => {
    const accept = req.headers.accept ?? '';
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url && accept.includes('text/html')) {
      const target = spaFallbackPath(req.url);
      if (target) {
        req.url = target;
      }
    }
    next();
  };
  return {
    name: 'waakzaam-spa-fallback',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

const proxy = {
  '/api': { target: apiTarget },
  '/healthz': { target: apiTarget },
};

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  // 'mpa': no built-in fallback to the root index.html; our plugin picks the right app instead.
  appType: 'mpa',
  plugins: [react(), spaFallback()],
  build: {
    // MapLibre (about 1.1 MB) is a separate chunk loaded only when the map opens.
    chunkSizeWarningLimit: 1200,
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Every browser we support has <link rel="modulepreload">; the polyfill would only cost a request.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        dashboard: fileURLToPath(new URL('./web/index.html', import.meta.url)),
        citizen: fileURLToPath(new URL('./web/citizen/index.html', import.meta.url)),
      },
      output: {
        // Named shared chunks (React; our shared ui/) instead of one named after whichever module came first.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // MapLibre is used by two lazy views (the Watch map, the Send area map): its own chunk, never the entry.
            { name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ },
            // Only what both apps use (i18n, router, ...); dashboard-only ui/ modules stay in the dashboard chunk.
            { name: 'shared', test: /[\\/]web[\\/]ui[\\/]/, minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, proxy },
});

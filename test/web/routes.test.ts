import { describe, expect, it } from 'vitest';
import { citizenRouteOf } from '../../web/citizen/routes.ts';
import { modeFromPath, watchViewFromPath, watchViewPath } from '../../web/dashboard/modes.ts';
import { isModifiedClick, normalisePath } from '../../web/ui/router.tsx';
import { spaFallbackPath } from '../../web/ui/spa-fallback.ts';

describe('dashboard routes', () => {
  it('maps the six mode paths, with or without a trailing slash', () => {
    expect(modeFromPath('/watch')).toBe('watch');
    expect(modeFromPath('/evaluate/')).toBe('evaluate');
    expect(modeFromPath('/')).toBeNull();
    expect(modeFromPath('/watchers')).toBeNull();
  });

  it('has a path per Watch view, all in the Watch mode', () => {
    expect(watchViewFromPath('/watch')).toBe('columns');
    expect(watchViewFromPath('/watch/map/')).toBe('map');
    expect(watchViewFromPath('/watch/sources')).toBe('sources');
    expect(watchViewFromPath('/watch/nope')).toBeNull();
    expect(modeFromPath('/watch/map')).toBe('watch');
    expect(modeFromPath('/watch/nope')).toBeNull();
    expect(watchViewPath('map')).toBe('/watch/map');
  });

  it('normalises trailing slashes but keeps the root', () => {
    expect(normalisePath('/')).toBe('/');
    expect(normalisePath('/send//')).toBe('/send');
  });

  it('leaves modified clicks to the browser', () => {
    const plain = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
    expect(isModifiedClick(plain)).toBe(false);
    expect(isModifiedClick({ ...plain, ctrlKey: true })).toBe(true);
    expect(isModifiedClick({ ...plain, button: 1 })).toBe(true);
  });
});

describe('citizen routes', () => {
  it('knows home and privacy under /citizen', () => {
    expect(citizenRouteOf('/citizen/')).toBe('home');
    expect(citizenRouteOf('/citizen')).toBe('home');
    expect(citizenRouteOf('/citizen/privacy')).toBe('privacy');
    expect(citizenRouteOf('/citizen/nope')).toBe('notFound');
  });
});

describe('SPA fallback', () => {
  it('sends app paths to the right index.html', () => {
    expect(spaFallbackPath('/')).toBe('/index.html');
    expect(spaFallbackPath('/watch?x=1')).toBe('/index.html');
    expect(spaFallbackPath('/citizen')).toBe('/citizen/index.html');
    expect(spaFallbackPath('/citizen/privacy')).toBe('/citizen/index.html');
  });

  it('leaves the API, health checks and files alone', () => {
    expect(spaFallbackPath('/api/posts')).toBeNull();
    expect(spaFallbackPath('/healthz')).toBeNull();
    expect(spaFallbackPath('/assets/dashboard-abc.js')).toBeNull();
    expect(spaFallbackPath('/favicon.svg')).toBeNull();
  });
});

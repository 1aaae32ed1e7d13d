import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenRouteOf } from '../../web/citizen/routes.ts';
import {
  actionsFor,
  alertPath,
  distanceM,
  mayShareLocation,
  responderRouteOf,
  routeLinks,
  scaleBarMetres,
  shouldSendFix,
  sketchLayout,
  tokenFromFragment,
  type ResponderState,
} from '../../web/citizen/responder/responder-logic.ts';

const TOKEN = 'wzr_abcdefghijklmnopqrstuvwxyz012345';

describe('responder app: routes and sign-in link', () => {
  it('lives under /citizen/hulpverlener inside the citizen app', () => {
    expect(citizenRouteOf('/citizen/hulpverlener')).toBe('responder');
    expect(citizenRouteOf('/citizen/hulpverlener/oproep/abc')).toBe('responder');
    expect(citizenRouteOf('/citizen/hulpverlenerx')).toBe('notFound');
    expect(responderRouteOf('/citizen/hulpverlener/')).toEqual({ view: 'home' });
    expect(responderRouteOf(alertPath('d 1/2'))).toEqual({ view: 'alert', dispatchId: 'd 1/2' });
    expect(responderRouteOf('/citizen/hulpverlener/iets')).toEqual({ view: 'notFound' });
  });

  it('takes the token from the fragment only when it looks like a responder token', () => {
    expect(tokenFromFragment(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment(`token=${TOKEN}&x=1`)).toBe(TOKEN);
    expect(tokenFromFragment('#token=wz_staff_token_not_for_here_1234')).toBeNull();
    expect(tokenFromFragment('#token=wzr_short')).toBeNull();
    expect(tokenFromFragment('#token=wzr_<script>alert(1)</script>xxxxxxxx')).toBeNull();
    expect(tokenFromFragment('')).toBeNull();
    fc.assert(fc.property(fc.string(), (hash) => {
      const token = tokenFromFragment(hash);
      if (token !== null) expect(token).toMatch(/^wzr_[A-Za-z0-9_-]+$/);
    }));
  });
});

describe('responder app: what the volunteer can do', () => {
  it('offers accept/decline first, then on my way/arrived, nothing once it ended', () => {
    expect(actionsFor('alerted', 'active')).toEqual(['accept', 'decline']);
    expect(actionsFor('accepted', 'active')).toEqual(['on_way', 'arrived', 'decline']);
    expect(actionsFor('on_way', 'active')).toEqual(['arrived', 'decline']);
    for (const state of ['arrived', 'declined', 'timed_out', 'stood_down'] as ResponderState[]) expect(actionsFor(state, 'active')).toEqual([]);
    expect(actionsFor('alerted', 'closed')).toEqual([]);
  });

  it('shares the location only with consent and only while under way in an active dispatch', () => {
    const states: ResponderState[] = ['alerted', 'accepted', 'declined', 'on_way', 'arrived', 'timed_out', 'stood_down'];
    for (const state of states) {
      for (const status of ['active', 'closed'] as const) {
        expect(mayShareLocation({ state, status }, false)).toBe(false);
        expect(mayShareLocation({ state, status }, true)).toBe(status === 'active' && (state === 'accepted' || state === 'on_way'));
      }
    }
  });

  it('sends a fix at most every ten seconds, sooner only after a real move', () => {
    const at = (lat: number, ms: number) => ({ lat, lon: 5.12, at: ms });
    expect(shouldSendFix(null, at(52.09, 0))).toBe(true);
    expect(shouldSendFix(at(52.09, 0), at(52.09, 5_000))).toBe(false);
    expect(shouldSendFix(at(52.09, 0), at(52.0903, 5_000))).toBe(true);
    expect(shouldSendFix(at(52.09, 0), at(52.0903, 1_000))).toBe(false);
    expect(shouldSendFix(at(52.09, 0), at(52.09, 10_000))).toBe(true);
  });
});

describe('responder app: routes to the AED and the victim', () => {
  it('links to the phone’s map app and to an OpenStreetMap walking route', () => {
    const links = routeLinks({ lat: 52.0931, lon: 5.1196 }, { lat: 52.0944, lon: 5.1196 }, 'Neude 11, Utrecht');
    expect(links.geo).toBe('geo:52.093100,5.119600?q=52.093100,5.119600(Neude%2011%2C%20Utrecht)');
    expect(links.web).toBe('https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=52.094400%2C5.119600%3B52.093100%2C5.119600');
    expect(routeLinks({ lat: 52.0931, lon: 5.1196 }, null, 'x').web).toBe('https://www.openstreetmap.org/?mlat=52.093100&mlon=5.119600#map=18/52.093100/5.119600');
  });

  it('draws the sketch to scale, north up, inside its margins', () => {
    const victim = { kind: 'victim' as const, lat: 52.0931, lon: 5.1196 };
    const aed = { kind: 'aed' as const, lat: 52.0945, lon: 5.1196 };
    const { placed, metresPerUnit } = sketchLayout([aed, victim], 320, 220, 28);
    const [a, v] = placed;
    expect(a!.y).toBeLessThan(v!.y); // north is up
    expect(Math.abs(a!.x - v!.x)).toBeLessThan(0.001);
    expect(Math.abs(v!.y - a!.y) * metresPerUnit).toBeCloseTo(distanceM(aed, victim), 0);
    fc.assert(
      fc.property(fc.array(fc.record({ lat: fc.double({ min: 52.08, max: 52.1, noNaN: true }), lon: fc.double({ min: 5.1, max: 5.14, noNaN: true }) }), { minLength: 1, maxLength: 3 }), (points) => {
        const layout = sketchLayout(points.map((p) => ({ kind: 'me' as const, ...p })), 320, 220, 28);
        for (const p of layout.placed) {
          expect(p.x).toBeGreaterThanOrEqual(27.99);
          expect(p.x).toBeLessThanOrEqual(292.01);
          expect(p.y).toBeGreaterThanOrEqual(27.99);
          expect(p.y).toBeLessThanOrEqual(192.01);
        }
      }),
    );
    expect(scaleBarMetres(2, 320)).toBe(100);
    expect(scaleBarMetres(0.1, 320)).toBe(25);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Watchlist } from '../../web/dashboard/watch/alerts-api.ts';
import { emptyForm, emptyRule, fromLocalInput, fromWatchlist, newSecret, parsePointList, pointListText, SECRET_PLACEHOLDER, toBody, toLocalInput, type WatchlistForm } from '../../web/dashboard/watch/watchlist-form.ts';

const UTRECHT = { code: 'GM0344', name: 'Utrecht' };

function filled(overrides: Partial<WatchlistForm> = {}): WatchlistForm {
  return { ...emptyForm(), name: 'Zomerfeest', purpose: 'Veiligheid van bezoekers tijdens het Zomerfeest', legalBasis: 'Wpg art. 8', ...overrides };
}

describe('watchlist form', () => {
  it('requires a name, a purpose of ten characters and a legal basis (G1), and something to watch', () => {
    const result = toBody(emptyForm());
    expect(result.body).toBeNull();
    expect(result.problems).toEqual([
      { field: 'name', problem: 'required' },
      { field: 'purpose', problem: 'required' },
      { field: 'legalBasis', problem: 'required' },
      { field: 'scope', problem: 'noScope' },
    ]);
    expect(toBody(filled({ purpose: 'kort', categories: ['fire'] })).problems).toEqual([{ field: 'purpose', problem: 'purposeShort' }]);
  });

  it('builds the API body: keywords, areas, accounts, events and rules', () => {
    const rule = { ...emptyRule(), name: 'Stroom', emails: 'meldkamer@example.nl', webhookUrl: 'https://hooks.example.nl/waakzaam', webhookSecret: 'x'.repeat(32) };
    const result = toBody(
      filled({
        keywords: 'stroomstoring, brand\nuitgang',
        areas: [{ kind: 'municipality', code: 'GM0344', name: 'Utrecht' }, { kind: 'circle', lat: 52.0927, lon: 5.1158, radiusM: 400 }],
        accounts: 'mastodon @sanne_030@mastodon.example',
        events: [{ name: 'Zomerfeest', area: { kind: 'municipality', code: 'GM0344', name: 'Utrecht' }, from: '2026-07-04T16:00', to: '2026-07-05T02:00' }],
        rules: [rule],
        sensitivity: 1.5,
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.body).toEqual({
      name: 'Zomerfeest',
      purpose: 'Veiligheid van bezoekers tijdens het Zomerfeest',
      legalBasis: 'Wpg art. 8',
      keywords: ['stroomstoring', 'brand', 'uitgang'],
      areas: [{ kind: 'municipality', code: 'GM0344' }, { kind: 'circle', lat: 52.0927, lon: 5.1158, radiusM: 400 }],
      accounts: [{ source: 'mastodon', handle: '@sanne_030@mastodon.example' }],
      // Dutch summer time is UTC+2.
      events: [{ name: 'Zomerfeest', area: { kind: 'municipality', code: 'GM0344' }, from: '2026-07-04T14:00:00.000Z', to: '2026-07-05T00:00:00.000Z' }],
      categories: [],
      sensitivity: 1.5,
      enabled: true,
      rules: [{ name: 'Stroom', condition: { on: 'signal', minScore: 3 }, channels: { dashboard: true, email: ['meldkamer@example.nl'], webhook: { url: 'https://hooks.example.nl/waakzaam', secret: 'x'.repeat(32) } }, throttleMinutes: 15, enabled: true }],
    });
  });

  it('names the field of each problem', () => {
    const result = toBody(
      filled({
        categories: ['fire'],
        accounts: 'zonder-handle',
        events: [{ name: 'x', area: null, from: '', to: '' }, { name: 'y', area: { kind: 'municipality', code: 'GM0344', name: 'Utrecht' }, from: '2026-07-05T02:00', to: '2026-07-04T16:00' }],
        rules: [{ ...emptyRule(), name: '', emails: 'geen-adres', webhookUrl: 'ftp://x', webhookSecret: '' }],
      }),
    );
    expect(result.problems).toEqual([
      { field: 'accounts', problem: 'accountLine' },
      { field: 'event.0', problem: 'eventIncomplete' },
      { field: 'event.1', problem: 'eventOrder' },
      { field: 'rule.0.name', problem: 'required' },
      { field: 'rule.0.emails', problem: 'email' },
      { field: 'rule.0.webhook', problem: 'webhookUrl' },
    ]);
  });

  it('edits a stored watchlist: the secret stays a placeholder, accounts are only counted', () => {
    const stored: Watchlist = {
      id: 'w1',
      name: 'Zomerfeest',
      purpose: 'Veiligheid van bezoekers',
      legalBasis: 'Wpg art. 8',
      keywords: ['brand'],
      areas: [{ kind: 'municipality', code: 'GM0344' }],
      accounts: [{ source: 'mastodon', pseudonym: 'abc' }],
      events: [{ name: 'Avond', area: { kind: 'circle', lat: 52.09, lon: 5.11, radiusM: 300 }, from: '2026-07-04T14:00:00.000Z', to: '2026-07-05T00:00:00.000Z' }],
      categories: ['crowd_safety'],
      sensitivity: 2,
      enabled: true,
      rules: [{ id: 'r1', name: 'Haak', condition: { on: 'post', minPriority: 'critical' }, channels: { dashboard: false, email: [], webhook: { url: 'https://h.example.nl', secret: SECRET_PLACEHOLDER } }, throttleMinutes: 5, enabled: false }],
      createdBy: 'u',
      createdAt: '',
      updatedAt: '',
    };
    const form = fromWatchlist(stored, [UTRECHT]);
    expect(form.areas).toEqual([{ kind: 'municipality', code: 'GM0344', name: 'Utrecht' }]);
    expect(form.events[0]!.from).toBe('2026-07-04T16:00');
    expect(form.storedAccounts).toBe(1);
    expect(form.rules[0]).toMatchObject({ on: 'post', minPriority: 'critical', webhookSecret: SECRET_PLACEHOLDER, dashboard: false, enabled: false });
    const body = toBody(form).body!;
    expect(body.rules[0]!.channels.webhook).toEqual({ url: 'https://h.example.nl', secret: SECRET_PLACEHOLDER });
    expect(body.events).toEqual(stored.events);
  });

  it('reads typed outline points in the usual notations, and refuses anything else', () => {
    expect(parsePointList('52.0927, 5.1158\n52.10;5.12\n52,11 5,13\n 52.12,5.14 ')).toEqual([
      [5.1158, 52.0927],
      [5.12, 52.1],
      [5.13, 52.11],
      [5.14, 52.12],
    ]);
    expect(parsePointList('')).toEqual([]);
    expect(parsePointList('52.09')).toBeNull();
    expect(parsePointList('95, 5')).toBeNull();
    expect(parsePointList('hallo, daar')).toBeNull();
  });

  it('writes and reads back outline points (property)', () => {
    // Coordinates as people and the map give them: at most six decimals.
    const point = fc.tuple(fc.integer({ min: -180e6, max: 180e6 }), fc.integer({ min: -90e6, max: 90e6 })).map(([x, y]) => [x / 1e6, y / 1e6] as [number, number]);
    fc.assert(
      fc.property(fc.array(point, { maxLength: 20 }), (points) => {
        expect(parsePointList(pointListText(points))).toEqual(points);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parsePointList(text)).not.toThrow();
      }),
    );
  });

  it('converts Dutch wall-clock times both ways, winter and summer', () => {
    expect(fromLocalInput('2026-01-15T13:00')).toBe('2026-01-15T12:00:00.000Z');
    expect(fromLocalInput('2026-07-04T23:00')).toBe('2026-07-04T21:00:00.000Z');
    expect(toLocalInput('2026-07-04T21:00:00.000Z')).toBe('2026-07-04T23:00');
    expect(fromLocalInput('morgen')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2025-01-01T00:00:00Z') / 60_000, max: Date.parse('2030-01-01T00:00:00Z') / 60_000 }), (minute) => {
        const iso = new Date(minute * 60_000).toISOString();
        const wall = toLocalInput(iso);
        // The hour repeated in autumn has two instants for one wall time: the wall time comes back, and the instant is one of the two.
        expect(toLocalInput(fromLocalInput(wall)!)).toBe(wall);
        expect([0, 3_600_000]).toContain(Math.abs(Date.parse(fromLocalInput(wall)!) - Date.parse(iso)));
      }),
    );
  });

  it('makes webhook secrets long enough and different each time', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
  });
});

import type { AlertRule, WatchlistBody } from '../../web/dashboard/watch/alerts-api.ts';

/** An alert rule on any signal, in the dashboard only (builder). */
export function emptyRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return { name: 'Regel', condition: { on: 'signal', minScore: 3 }, channels: { dashboard: true, email: [], webhook: null }, throttleMinutes: 15, enabled: true, ...overrides };
}

/** A watchlist body over the municipality of Utrecht with a purpose and legal basis (builder). */
export function filledBody(overrides: Partial<WatchlistBody> = {}): WatchlistBody {
  return {
    name: 'Zomerfeest',
    purpose: 'Veiligheid van bezoekers tijdens het Zomerfeest',
    legalBasis: 'Wpg art. 8',
    keywords: [],
    areas: [{ kind: 'municipality', code: 'GM0344' }],
    accounts: [],
    events: [],
    categories: [],
    sensitivity: 1,
    enabled: true,
    rules: [],
    ...overrides,
  };
}

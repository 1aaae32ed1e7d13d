/**
 * Messages of Watch part 2: weak signals, watchlists, incidents, rumours, network.
 * Kept apart from nl.ts/en.ts so that each module's texts live together; both catalogues spread
 * them in. The Dutch object defines the keys; the English one must have exactly the same keys.
 */
export const signalsNl = {} as const satisfies Record<string, string>;

export const signalsEn: Readonly<Record<keyof typeof signalsNl, string>> = {};

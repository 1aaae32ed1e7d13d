/**
 * Messages of Ask (vragen): appeals, tip intake and triage, citizen tip form.
 * Kept apart from nl.ts/en.ts so that each module's texts live together; both catalogues spread
 * them in. The Dutch object defines the keys; the English one must have exactly the same keys.
 */
export const askNl = {} as const satisfies Record<string, string>;

export const askEn: Readonly<Record<keyof typeof askNl, string>> = {};

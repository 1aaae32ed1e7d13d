/**
 * Messages of Send (zenden): composer, approval, history, citizen subscriptions.
 * Kept apart from nl.ts/en.ts so that each module's texts live together; both catalogues spread
 * them in. The Dutch object defines the keys; the English one must have exactly the same keys.
 */
export const sendNl = {} as const satisfies Record<string, string>;

export const sendEn: Readonly<Record<keyof typeof sendNl, string>> = {};

/**
 * Messages of Respond: volunteer responders, dispatch board, responder app.
 * Kept apart from nl.ts/en.ts so that each module's texts live together; both catalogues spread
 * them in. The Dutch object defines the keys; the English one must have exactly the same keys.
 */
export const respondNl = {} as const satisfies Record<string, string>;

export const respondEn: Readonly<Record<keyof typeof respondNl, string>> = {};

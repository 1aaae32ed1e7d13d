import type { nl } from './nl.ts';

/** Languages the web apps ship. Dutch is the default (the product is Dutch first). */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

/** Every message key; the Dutch catalogue defines them. */
export type MessageKey = keyof typeof nl;

/**
 * The shape every catalogue must have. Because en.ts is annotated with this type, a missing key
 * or an extra key in English is a compile error, not a runtime surprise.
 */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** Key prefixes that have both a `.one` and an `.other` form. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so the gap is noticed. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** Placeholder names in a message, sorted; used to check that translations keep them. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

export function translate(catalogue: Catalogue, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogue[key], params);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Chooses the `.one` or `.other` form by the language's plural rules; `{count}` is filled in. */
export function translatePlural(
  catalogue: Catalogue,
  language: Language,
  base: PluralKey,
  count: number,
  params: MessageParams = {},
): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  // Dutch and English only distinguish "one" and "other"; any other category falls back to "other".
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  const key = `${base}.${form}` as MessageKey;
  return interpolate(catalogue[key], { count, ...params });
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

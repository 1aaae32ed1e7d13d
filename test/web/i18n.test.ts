import { describe, expect, it } from 'vitest';
import {
  interpolate,
  placeholdersOf,
  translate,
  translatePlural,
  type Catalogue,
  type MessageKey,
} from '../../web/ui/i18n/catalogue.ts';
import { en } from '../../web/ui/i18n/en.ts';
import { nl } from '../../web/ui/i18n/nl.ts';

const catalogues: Record<string, Catalogue> = { nl, en };
const dutchKeys = Object.keys(nl).sort();

describe('i18n catalogues', () => {
  it.each(Object.entries(catalogues))('%s has exactly the Dutch keys', (_name, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(dutchKeys);
  });

  it.each(Object.entries(catalogues))('%s has no empty or blank messages', (_name, catalogue) => {
    const blank = Object.entries(catalogue).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('English keeps the placeholders of every Dutch message', () => {
    const mismatches = dutchKeys
      .map((key) => key as MessageKey)
      .filter((key) => placeholdersOf(nl[key]).join() !== placeholdersOf(en[key]).join());
    expect(mismatches).toEqual([]);
  });

  it('every plural has both a .one and an .other form', () => {
    const bases = new Set(dutchKeys.filter((key) => /\.(one|other)$/.test(key)).map((key) => key.replace(/\.(one|other)$/, '')));
    for (const base of bases) {
      expect(dutchKeys).toContain(`${base}.one`);
      expect(dutchKeys).toContain(`${base}.other`);
    }
  });

  it('names each column list so the end-to-end test finds it (/berichten|posts/i)', () => {
    expect(translate(nl, 'column.listLabel', { name: 'Alle berichten' })).toMatch(/^Berichten: /);
    expect(translate(en, 'column.listLabel', { name: 'All posts' })).toMatch(/^Posts: /);
  });

  it('has the login labels that the end-to-end test looks for', () => {
    expect([nl['login.email'], nl['login.password'], nl['login.submit']]).toEqual(['E-mailadres', 'Wachtwoord', 'Inloggen']);
    expect([en['login.email'], en['login.password'], en['login.submit']]).toEqual(['Email address', 'Password', 'Log in']);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} en {b}', { a: 1 })).toBe('1 en {b}');
    expect(translate(nl, 'shell.signedInAs', { name: 'Anna' })).toBe('Ingelogd als Anna');
  });

  it('chooses the plural form by the language rules', () => {
    expect(translatePlural(nl, 'nl', 'watch.showNew', 1)).toBe('Toon 1 nieuw bericht');
    expect(translatePlural(nl, 'nl', 'watch.showNew', 0)).toBe('Toon 0 nieuwe berichten');
    expect(translatePlural(en, 'en', 'watch.showNew', 12)).toBe('Show 12 new posts');
  });
});

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  translate,
  translatePlural,
  type Catalogue,
  type Language,
  type MessageKey,
  type MessageParams,
  type PluralKey,
} from './catalogue.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { nl, en };

/** localStorage key; shared by the dashboard and the citizen app (same origin, same person). */
export const LANGUAGE_STORAGE_KEY = 'waakzaam.language';

export interface Translator {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  readonly tPlural: (base: PluralKey, count: number, params?: MessageParams) => string;
}

const LanguageContext = createContext<Translator | null>(null);

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private mode, strict settings); Dutch is then the answer.
    return DEFAULT_LANGUAGE;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not being able to remember the choice is no reason to refuse the switch.
  }
}

/** Holds the chosen language, keeps `<html lang>` in step and offers `useT()` to its children. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<Translator>(() => {
    const catalogue = CATALOGUES[language];
    return {
      language,
      setLanguage,
      t: (key, params) => translate(catalogue, key, params),
      tPlural: (base, count, params) => translatePlural(catalogue, language, base, count, params),
    };
  }, [language, setLanguage]);

  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The translator for the current language. */
export function useT(): Translator {
  const value = useContext(LanguageContext);
  if (!value) {
    throw new Error('useT() must be used inside <LanguageProvider>');
  }
  return value;
}

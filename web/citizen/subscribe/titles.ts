import type { MessageKey } from '../../ui/i18n/catalogue.ts';

const TITLES: Readonly<Record<string, MessageKey>> = { subscribe: 'subscribe.title', confirm: 'confirm.title', unsubscribe: 'unsubscribe.title' };

/** The page title of a subscription route, or null for another route. */
export function subscribeTitleKey(route: string): MessageKey | null {
  return TITLES[route] ?? null;
}

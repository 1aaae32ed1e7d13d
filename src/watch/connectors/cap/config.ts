import { z } from 'zod';
import type { FieldTexts } from '../connector.ts';
import { intervalFieldText, sourceUrl } from '../rss/config.ts';

export const capConfigSchema = z.object({
  /** An Atom or RSS index whose entries link to (or embed) CAP documents, or a single CAP alert. */
  indexUrl: sourceUrl,
  /** Alerts are time-critical: a shorter default than for news feeds, still at least a minute. */
  intervalSeconds: z.number().int().min(60).max(86_400).default(120),
});

export type CapConfig = z.infer<typeof capConfigSchema>;

/** The dashboard form's labels and hints for {@link capConfigSchema}. */
export const capFieldTexts: FieldTexts = {
  indexUrl: {
    nl: { label: 'Adres van de CAP-feed', hint: 'Een Atom- of RSS-index met CAP-meldingen, of één CAP-melding.' },
    en: { label: 'CAP feed address', hint: 'An Atom or RSS index of CAP alerts, or a single CAP alert.' },
  },
  intervalSeconds: intervalFieldText,
};

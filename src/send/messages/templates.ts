import { invalid } from '#core/errors.ts';
import type { CategoryId } from '#core/taxonomy.ts';
import type { CERTAINTIES, MessageContent, MessageContents, SEVERITIES, URGENCIES } from './message.ts';

/**
 * Message templates (SPEC S3) in Dutch and English with `{{placeholder}}` slots, filled in the
 * composer. Built-in ones cover the demo's cases; organisations add their own (stored).
 */
export interface Template {
  id: string;
  /** Null for a built-in template. */
  organisationId: string | null;
  name: string;
  category: CategoryId;
  urgency: (typeof URGENCIES)[number];
  severity: (typeof SEVERITIES)[number];
  certainty: (typeof CERTAINTIES)[number];
  topics: string[];
  content: MessageContents;
}

const SLOT = /\{\{\s*([a-z][a-z0-9_]{0,30})\s*\}\}/g;

/** The placeholder names a template uses, in order of first appearance. */
export function placeholdersOf(content: MessageContents): string[] {
  const names = new Set<string>();
  for (const version of [content.nl, content.en]) {
    if (!version) continue;
    for (const text of [version.headline, version.body, version.instruction ?? '']) for (const m of text.matchAll(SLOT)) names.add(m[1]!);
  }
  return [...names];
}

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(SLOT, (_all, name: string) => values[name] ?? '');
}

function fillVersion(version: MessageContent, values: Readonly<Record<string, string>>): MessageContent {
  const instruction = version.instruction === undefined ? undefined : fill(version.instruction, values);
  return { headline: fill(version.headline, values), body: fill(version.body, values), ...(instruction === undefined ? {} : { instruction }) };
}

/** The template's texts with every placeholder filled; a missing value is an error, not an empty gap. */
export function renderTemplate(template: Pick<Template, 'content'>, values: Readonly<Record<string, string>>): MessageContents {
  const missing = placeholdersOf(template.content).filter((name) => (values[name] ?? '').trim() === '');
  if (missing.length > 0) throw invalid('TEMPLATE_VALUES_MISSING', `Fill in: ${missing.join(', ')}.`, { missing });
  const en = template.content.en ? fillVersion(template.content.en, values) : undefined;
  return { nl: fillVersion(template.content.nl, values), ...(en ? { en } : {}) };
}

export const BUILTIN_TEMPLATES: readonly Template[] = [
  {
    id: 'builtin:crowding-exit',
    organisationId: null,
    name: 'Drukte bij een uitgang / Crowding at an exit',
    category: 'crowd_safety',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    topics: ['crowd_safety', 'events'],
    content: {
      nl: {
        headline: 'Het is erg druk bij {{exit}}',
        body: 'Bij {{exit}} van {{place}} is het op dit moment erg druk. Om gevaarlijke situaties te voorkomen vragen wij u een andere uitgang te nemen.',
        instruction: 'Gebruik {{alternative}}. Volg de aanwijzingen van de beveiliging en neem de tijd.',
      },
      en: {
        headline: 'It is very crowded at {{exit}}',
        body: 'It is very crowded at {{exit}} of {{place}} right now. To keep everyone safe, please use another exit.',
        instruction: 'Use {{alternative}}. Follow the directions of the stewards and take your time.',
      },
    },
  },
  {
    id: 'builtin:power-failure',
    organisationId: null,
    name: 'Stroomstoring / Power failure',
    category: 'infrastructure_outage',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    topics: ['infrastructure_outage'],
    content: {
      nl: {
        headline: 'Stroomstoring in {{place}}',
        body: 'Sinds {{time}} is er een stroomstoring in {{place}}. De netbeheerder werkt aan een oplossing. Er is geen reden tot paniek.',
        instruction: 'Blijf waar u bent als dat veilig is, houd uw telefoon zuinig en bel alleen 112 bij levensgevaar.',
      },
      en: {
        headline: 'Power failure in {{place}}',
        body: 'Since {{time}} there is a power failure in {{place}}. The grid operator is working on it. There is no reason to panic.',
        instruction: 'Stay where you are if it is safe, save your phone battery and call 112 only if lives are in danger.',
      },
    },
  },
  {
    id: 'builtin:rumour-correction',
    organisationId: null,
    name: 'Gerucht rechtzetten / Rumour correction',
    category: 'rumour',
    urgency: 'Expected',
    severity: 'Minor',
    certainty: 'Observed',
    topics: ['rumour'],
    content: {
      nl: {
        headline: 'Klopt niet: {{claim}}',
        body: 'Op sociale media gaat het bericht rond dat {{claim}}. Dat klopt niet. {{facts}}',
        instruction: 'Deel alleen berichten van officiële bronnen. Actuele informatie: {{link}}',
      },
      en: {
        headline: 'Not true: {{claim}}',
        body: 'A message is going around on social media saying that {{claim}}. That is not true. {{facts}}',
        instruction: 'Only share messages from official sources. Latest information: {{link}}',
      },
    },
  },
  {
    id: 'builtin:all-clear',
    organisationId: null,
    name: 'Veilig / All clear',
    category: 'public_order',
    urgency: 'Past',
    severity: 'Minor',
    certainty: 'Observed',
    topics: [],
    content: {
      nl: { headline: 'Situatie in {{place}} is weer veilig', body: 'De situatie in {{place}} is onder controle. {{details}}' },
      en: { headline: 'The situation in {{place}} is safe again', body: 'The situation in {{place}} is under control. {{details}}' },
    },
  },
];

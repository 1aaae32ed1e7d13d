import type { Priority } from '#core/taxonomy.ts';
import { jitter, PLACES, type PlaceKey } from './places.ts';
import type { PersonaPool } from './personas.ts';
import type { Rng } from './random.ts';
import type { Bank } from './script.ts';
import { expand } from './template.ts';
import { applyVoice, type VoiceOptions } from './voices.ts';
import type { GeoPoint, Lang, Persona, PostTruth, ScenarioMedia } from './types.ts';

/**
 * Posts before they are ordered and numbered. Relations point at the parent draft itself; ids
 * are given only once the whole evening is sorted by time.
 */
export interface Draft {
  seq: number;
  /** Seconds since the epoch. */
  t: number;
  persona: Persona;
  text: string;
  lang: Lang;
  relation?: 'reply' | 'repost' | 'quote';
  parent?: Draft;
  mentions: string[];
  geo?: GeoPoint;
  media?: ScenarioMedia['type'][];
  /** Article path for RSS items. */
  path?: string;
  truth: PostTruth;
  reposts: number;
}

/** The posts of one storyline entry (or of the chatter), which its reposts and replies draw on. */
export class Thread {
  readonly all: Draft[] = [];
  /** Posts by accounts with reach, kept apart so they stay candidates long after they appear. */
  readonly notable: Draft[] = [];

  push(draft: Draft): void {
    this.all.push(draft);
    if (draft.persona.influence >= 20 && draft.relation !== 'repost') this.notable.push(draft);
  }
}

/** What a phase or topic says about the tone of the posts it produces. */
export type Voice = VoiceOptions;

const GEO_RATE = 0.105;
const WINDOW = 250;

/** Creates drafts: composes text from templates in a persona's voice and picks parents. */
export class Writer {
  readonly drafts: Draft[] = [];
  private seq = 0;

  constructor(
    readonly people: PersonaPool,
    private readonly slots: Readonly<Record<string, readonly string[]>>,
  ) {}

  add(draft: Omit<Draft, 'seq' | 'reposts'>): Draft {
    const full: Draft = { ...draft, seq: this.seq++, reposts: 0 };
    this.drafts.push(full);
    if (full.relation === 'repost' && full.parent) full.parent.reposts++;
    return full;
  }

  /** Expands a template for a persona and rewrites it in their voice; collects mentions. */
  compose(rng: Rng, template: string, persona: Persona, lang: Lang, voice: Voice): { text: string; mentions: string[] } {
    const mentions: string[] = [];
    const raw = expand(template, {
      rng,
      slots: this.slots,
      mention: (key) => {
        const target = this.people.account(key, persona.source);
        if (!target) throw new RangeError(`account ${key} is not on ${persona.source}`);
        if (!mentions.includes(target.handle)) mentions.push(target.handle);
        return target.handle;
      },
    });
    return { text: applyVoice(raw, persona, lang, rng, voice), mentions };
  }

  /** A fresh post by a citizen in the phase's language mix. */
  original(
    rng: Rng,
    t: number,
    bank: Bank,
    en: number,
    voice: Voice,
    place: PlaceKey | ((author: Persona) => PlaceKey),
    truth: PostTruth,
    media: { image?: number; video?: number },
  ): Draft {
    let lang: Lang = rng.chance(en) && bank.en.length > 0 ? 'en' : 'nl';
    const mixed = lang === 'nl' && bank.mixed !== undefined && rng.chance(0.06);
    if (bank.nl.length === 0) lang = 'en';
    const persona = this.people.citizen(rng, lang);
    const template = rng.pick(mixed ? bank.mixed! : bank[lang]);
    const { text, mentions } = this.compose(rng, template, persona, lang, voice);
    const where = typeof place === 'function' ? place(persona) : place;
    return this.add({ t, persona, text, lang, mentions, truth, ...this.extras(rng, where, media) });
  }

  extras(rng: Rng, place: PlaceKey, media: { image?: number; video?: number }): Pick<Draft, 'geo' | 'media'> {
    const out: Pick<Draft, 'geo' | 'media'> = {};
    if (rng.chance(GEO_RATE)) out.geo = jitter(PLACES[place], () => rng.next());
    if (rng.chance(media.video ?? 0)) out.media = ['video'];
    else if (rng.chance(media.image ?? 0)) out.media = rng.chance(0.2) ? ['image', 'image'] : ['image'];
    return out;
  }

  /** A boost or repost: same text, same truth, new author on the same network. */
  repost(rng: Rng, t: number, parent: Draft): Draft {
    let persona = this.people.citizen(rng, '*', parent.persona.source as 'mastodon' | 'bluesky');
    if (persona.handle === parent.persona.handle) persona = this.people.citizen(rng, '*', parent.persona.source as 'mastodon' | 'bluesky');
    return this.add({
      t, persona, text: parent.text, lang: parent.lang, relation: 'repost', parent, mentions: [...parent.mentions],
      truth: { ...parent.truth, official: persona.official },
    });
  }

  /** A reply or quote in the parent's language; Mastodon replies start with the parent's handle. */
  respond(rng: Rng, t: number, parent: Draft, relation: 'reply' | 'quote', bank: Bank, voice: Voice, truth: PostTruth, author?: Persona): Draft {
    const lang: Lang = bank[parent.lang].length > 0 ? parent.lang : 'nl';
    const persona = author ?? this.people.citizen(rng, lang, parent.persona.source as 'mastodon' | 'bluesky');
    const composed = this.compose(rng, rng.pick(bank[lang]), persona, lang, voice);
    let { text } = composed;
    const mentions = composed.mentions;
    if (relation === 'reply' && persona.source === 'mastodon' && parent.persona.handle !== persona.handle) {
      text = `${parent.persona.handle} ${text}`;
      mentions.unshift(parent.persona.handle);
    }
    return this.add({ t, persona, text, lang, relation, parent, mentions, truth });
  }

  /**
   * A copy-paste of an earlier post by someone else, lightly edited, on any network and with no
   * link to the original: the chains that near-duplicate detection has to find.
   */
  copy(rng: Rng, t: number, source: Draft, truth: PostTruth, place: PlaceKey): Draft {
    const persona = this.people.citizen(rng, source.lang);
    let text = mutateCopy(rng, source.text, source.lang);
    if (text === source.text) text = `${text} !!`;
    let mentions = source.mentions.filter((m) => text.includes(m));
    if (persona.source !== source.persona.source) {
      // Handles of another network mean nothing here; people drop them when they paste.
      for (const m of mentions) text = text.split(m).join('');
      text = text.replace(/\s+/g, ' ').trim();
      mentions = [];
    }
    return this.add({ t, persona, text: text || '‼️', lang: source.lang, mentions, truth, ...this.extras(rng, place, {}) });
  }
}

/**
 * Chooses a parent for a reply, repost or quote among recent posts on the social networks,
 * favouring accounts with reach, fresh posts and posts already being shared (preferential
 * attachment, which is what makes cascades).
 */
export interface ParentChoice {
  /** How fast interest in a post fades, in seconds. */
  tau: number;
  /** Weigh by the author's reach (reposts) or only slightly (replies). */
  byReach: boolean;
  withReplies?: boolean;
  /** Extra weight for official posts, once an official correction is out. */
  officialPull?: number;
}

export function pickParent(rng: Rng, threads: readonly Thread[], t: number, choice: ParentChoice): Draft | undefined {
  const seen = new Set<Draft>();
  const candidates: Draft[] = [];
  const weights: number[] = [];
  for (const thread of threads) {
    for (const list of [thread.all.slice(-WINDOW), thread.notable.slice(-40)]) {
      for (const d of list) {
        if (seen.has(d) || d.t >= t || d.relation === 'repost' || (d.relation === 'reply' && !choice.withReplies)) continue;
        if (d.persona.source !== 'mastodon' && d.persona.source !== 'bluesky') continue;
        seen.add(d);
        candidates.push(d);
        const reach = choice.byReach ? d.persona.influence : Math.sqrt(d.persona.influence);
        const pull = d.persona.official ? (choice.officialPull ?? 1) : 1;
        // Sub-linear preferential attachment: shared posts get shared more, without one post
        // swallowing every repost of the evening.
        weights.push(reach * pull * Math.exp(-(t - d.t) / choice.tau) * (1 + Math.sqrt(d.reposts)));
      }
    }
  }
  if (candidates.length === 0) return undefined;
  return candidates[rng.weightedIndex(weights)];
}

const COPY_PREFIXES: Readonly<Record<Lang, readonly string[]>> = {
  nl: ['DELEN!! ', '❗❗ ', 'Doorgestuurd: ', 'Via via: ', 'Klopt dit?? ', 'kreeg dit net door: ', 'uit de groepsapp: ', 'pas op!! '],
  en: ['SHARE: ', 'Forwarded: ', 'is this true? ', 'got this from a friend: ', '‼️ '],
};
const COPY_SUFFIXES: Readonly<Record<Lang, readonly string[]>> = {
  nl: [' delen!!', ' 😱', ' pas op jongens', ' !!!', ' blijf weg daar', ' 🙏🙏'],
  en: [' please share', ' 😱', ' stay safe', ' !!!'],
};

/** Small edits people make when they copy a message: a prefix, a suffix, casing, a dropped word. */
export function mutateCopy(rng: Rng, text: string, lang: Lang): string {
  let out = text;
  const edits = rng.int(1, 3);
  for (let i = 0; i < edits; i++) {
    switch (rng.int(0, 4)) {
      case 0:
        out = rng.pick(COPY_PREFIXES[lang]) + out;
        break;
      case 1:
        out = out.replace(/[.!?\s]*$/, '') + rng.pick(COPY_SUFFIXES[lang]);
        break;
      case 2:
        out = rng.chance(0.5) ? out.toLowerCase() : out.replace(/#\S+/g, '').trim();
        break;
      case 3: {
        const words = out.split(' ');
        if (words.length > 6) words.splice(rng.int(1, words.length - 2), 1);
        out = words.join(' ');
        break;
      }
      default:
        out = out.replace(/vredenburg/i, rng.pick(['Vredenburg', 'het vredenburgplein', 'vredenburg plein'])).replace(/\bcs\b/i, 'centraal');
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** One step down, for replies that add little beyond the post they answer. */
export function lower(priority: Priority | null): Priority | null {
  if (priority === 'critical') return 'high';
  if (priority === 'high') return 'medium';
  return priority === null ? null : 'low';
}

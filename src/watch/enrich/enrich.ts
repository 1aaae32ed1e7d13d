import type { Gazetteer, PlaceMatch } from './gazetteer.ts';
import { detectLanguage } from './language.ts';
import { NearDuplicateIndex } from './near-duplicates.ts';
import { stem, type StemLanguage } from './stem.ts';
import { tokenize, type Token } from './tokenize.ts';

/** What enrichment (SPEC W3) adds to a normalised post. */
export interface Enrichment {
  language: { code: string | null; confidence: number };
  tokens: Token[];
  /** Stems of the word tokens, in order, in the post's language (Dutch unless English); made when first read. */
  readonly stems: string[];
  places: PlaceMatch[];
  location: { lat: number; lon: number; precision: 'exact' | 'place'; placeName: string | null } | null;
  nearDuplicateOf: string | null;
}

export interface EnrichablePost {
  id: string;
  organisationId: string;
  text: string;
  /** The source's language hint, if any (W2). */
  language: string | null;
  /** Explicit coordinates from the source, if any. */
  location: { lat: number; lon: number } | null;
}

export interface EnricherOptions {
  gazetteer: Gazetteer;
  /** Posts remembered per organisation for near-duplicate detection (default 20,000). */
  maxDuplicateEntries?: number;
}

const DEFAULT_DUPLICATE_ENTRIES = 20_000;
/** A hint from the source is taken as given: the platform knows its user's setting. */
const HINT_CONFIDENCE = 1;

/**
 * Enriches posts: tokens, language (the source's hint when present, else detection), stems,
 * places and a location (explicit coordinates win, else the best place named), and whether the
 * post repeats one seen before in the same organisation. Stateful only in the per-organisation
 * near-duplicate indexes.
 */
export class Enricher {
  private readonly gazetteer: Gazetteer;
  private readonly maxDuplicateEntries: number;
  private readonly duplicates = new Map<string, NearDuplicateIndex>();

  constructor(options: EnricherOptions) {
    this.gazetteer = options.gazetteer;
    this.maxDuplicateEntries = options.maxDuplicateEntries ?? DEFAULT_DUPLICATE_ENTRIES;
  }

  /** Enriches one post. Never throws on any text. */
  enrich(post: EnrichablePost): Enrichment {
    const tokens = tokenize(post.text);
    const hint = normaliseHint(post.language);
    const language = hint !== null ? hinted(hint) : detectLanguage(post.text, tokens);
    const places = this.gazetteer.match(tokens, post.text);
    const copyOf = this.index(post.organisationId).add(post.id, tokens).duplicateOf;
    // A post seen before under its own id (its batch analysed again after a failure) is no copy.
    const nearDuplicateOf = copyOf === post.id ? null : copyOf;
    return new PostEnrichment(language, tokens, places, locate(post.location, places), nearDuplicateOf);
  }

  private index(organisationId: string): NearDuplicateIndex {
    let index = this.duplicates.get(organisationId);
    if (index === undefined) {
      index = new NearDuplicateIndex({ maxEntries: this.maxDuplicateEntries });
      this.duplicates.set(organisationId, index);
    }
    return index;
  }
}

/**
 * An enrichment as a class rather than an object literal with a getter: the literal made a
 * closure and an accessor pair per post, and the ingest path makes one of these per post.
 */
class PostEnrichment implements Enrichment {
  /**
   * Made on first read: the pipeline's classifier keeps its own cached stems per word, so
   * stemming every post here again would be work nobody reads.
   */
  #stems: string[] | undefined = undefined;

  constructor(
    readonly language: Enrichment['language'],
    readonly tokens: Token[],
    readonly places: PlaceMatch[],
    readonly location: Enrichment['location'],
    readonly nearDuplicateOf: string | null,
  ) {}

  get stems(): string[] {
    this.#stems ??= stemWords(this.tokens, this.language.code === 'en' ? 'en' : 'nl');
    return this.#stems;
  }
}

function stemWords(tokens: readonly Token[], language: StemLanguage): string[] {
  const stems: string[] = [];
  for (const t of tokens) if (t.kind === 'word') stems.push(stem(t.norm, language));
  return stems;
}

const HINTED = new Map<string, Enrichment['language']>();

/** The language of a source's hint, one frozen object per code rather than one per post. */
function hinted(code: string): Enrichment['language'] {
  let language = HINTED.get(code);
  if (language === undefined) {
    language = Object.freeze({ code, confidence: HINT_CONFIDENCE });
    HINTED.set(code, language);
  }
  return language;
}

/** "nl-NL", "NL", "nld"-style hints reduced to the two-letter code. */
function normaliseHint(hint: string | null): string | null {
  if (hint === null) return null;
  // The common case, "nl" or "en" as the connectors give it, without a regex or a split.
  if (hint.length === 2 && isLowerAscii(hint.charCodeAt(0)) && isLowerAscii(hint.charCodeAt(1))) return hint;
  const code = hint.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2}$/.test(code) ? code : null;
}

function isLowerAscii(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function locate(explicit: { lat: number; lon: number } | null, places: readonly PlaceMatch[]): Enrichment['location'] {
  if (explicit !== null) return { lat: explicit.lat, lon: explicit.lon, precision: 'exact', placeName: null };
  let best: PlaceMatch | null = null;
  for (const p of places) if (best === null || p.score > best.score) best = p;
  return best === null ? null : { lat: best.lat, lon: best.lon, precision: 'place', placeName: best.name };
}

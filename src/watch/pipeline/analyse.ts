import type { Classifier } from '../classify/index.ts';
import type { Enricher } from '../enrich/enrich.ts';
import type { Analysis } from '../analysis.ts';
import type { Post } from '../post.ts';

const EXPLANATION_SIZE = 8;

/** What analysis reads of a post: all an analysis thread is sent. */
export type AnalysablePost = Pick<Post, 'id' | 'organisationId' | 'text' | 'language' | 'location'>;

/** Enriches and classifies one post (pure apart from the near-duplicate index inside the enricher). */
export function analyse(post: AnalysablePost, enricher: Enricher, classifier: Classifier): Analysis {
  const enrichment = enricher.enrich({ id: post.id, organisationId: post.organisationId, text: post.text, language: post.language, location: post.location });
  const language = enrichment.language.code;
  const result = classifier.classify({ text: post.text, language, tokens: enrichment.tokens });
  return {
    relevant: result.relevant,
    relevance: round(result.relevance),
    category: result.category,
    priority: result.priority,
    confidence: round(result.confidence),
    // The model's contributions are fresh objects of this shape, already rounded to 3 decimals.
    explanation: result.explanation.length <= EXPLANATION_SIZE ? result.explanation : result.explanation.slice(0, EXPLANATION_SIZE),
    language,
    places: dedupePlaces(enrichment.places),
    location: post.location ?? enrichment.location,
    nearDuplicateOf: enrichment.nearDuplicateOf,
    feedback: null,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Name and kind of each place named, each once (most posts name none or one). */
function dedupePlaces(places: readonly { name: string; kind: string }[]): { name: string; kind: string }[] {
  if (places.length === 0) return [];
  if (places.length === 1) return [{ name: places[0]!.name, kind: places[0]!.kind }];
  const seen = new Set<string>();
  const out: { name: string; kind: string }[] = [];
  for (const p of places) {
    const key = `${p.kind}:${p.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: p.name, kind: p.kind });
  }
  return out;
}

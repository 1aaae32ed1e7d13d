import type { Classifier } from '../classify/index.ts';
import type { Enricher } from '../enrich/enrich.ts';
import type { Analysis } from '../analysis.ts';
import type { Post } from '../post.ts';

const EXPLANATION_SIZE = 8;

/** Enriches and classifies one post (pure apart from the near-duplicate index inside the enricher). */
export function analyse(post: Post, enricher: Enricher, classifier: Classifier): Analysis {
  const enrichment = enricher.enrich({ id: post.id, organisationId: post.organisationId, text: post.text, language: post.language, location: post.location });
  const language = enrichment.language.code;
  const result = classifier.classify({ text: post.text, language, tokens: enrichment.tokens });
  return {
    relevant: result.relevant,
    relevance: round(result.relevance),
    category: result.category,
    priority: result.priority,
    confidence: round(result.confidence),
    explanation: result.explanation.slice(0, EXPLANATION_SIZE).map((e) => ({ feature: e.feature, weight: round(e.weight) })),
    language,
    places: dedupePlaces(enrichment.places.map((p) => ({ name: p.name, kind: p.kind }))),
    location: post.location ?? enrichment.location,
    nearDuplicateOf: enrichment.nearDuplicateOf,
    feedback: null,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function dedupePlaces(places: { name: string; kind: string }[]): { name: string; kind: string }[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.kind}:${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

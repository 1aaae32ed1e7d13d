import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { Db } from '#platform/db/database.ts';
import type { PostAnalysisTable } from '#platform/db/schema.ts';
import type { Analysis } from '../analysis.ts';

export function toAnalysisRow(postId: string, organisationId: string, a: Analysis, analysedAt: string): PostAnalysisTable {
  return {
    post_id: postId,
    organisation_id: organisationId,
    language: a.language,
    relevant: a.relevant ? 1 : 0,
    relevance: a.relevance,
    category: a.category,
    priority: a.priority,
    confidence: a.confidence,
    explanation: JSON.stringify(a.explanation),
    places: JSON.stringify(a.places),
    lat: a.location?.lat ?? null,
    lon: a.location?.lon ?? null,
    location_precision: a.location?.precision ?? null,
    place_name: a.location?.placeName ?? null,
    near_duplicate_of: a.nearDuplicateOf,
    feedback_label: a.feedback?.label ?? null,
    feedback_priority: a.feedback?.priority ?? null,
    feedback_at: a.feedback?.at ?? null,
    analysed_at: analysedAt,
  };
}

type AnalysisColumns = Omit<PostAnalysisTable, 'post_id' | 'organisation_id' | 'analysed_at'>;

export function fromAnalysisRow(row: AnalysisColumns): Analysis {
  return {
    relevant: row.relevant === 1,
    relevance: row.relevance,
    category: row.category as CategoryId | null,
    priority: row.priority as Priority,
    confidence: row.confidence,
    explanation: JSON.parse(row.explanation) as Analysis['explanation'],
    language: row.language,
    places: JSON.parse(row.places) as Analysis['places'],
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon, precision: row.location_precision ?? 'place', placeName: row.place_name } : null,
    nearDuplicateOf: row.near_duplicate_of,
    feedback: row.feedback_label && row.feedback_at ? { label: row.feedback_label, priority: row.feedback_priority as Priority | null, at: row.feedback_at } : null,
  };
}

/** Inserts analyses not stored yet (a redelivered batch changes nothing); returns the post ids inserted. */
export async function insertAnalyses(db: Db, rows: PostAnalysisTable[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db.insertInto('post_analysis').values(rows).onConflict((oc) => oc.column('post_id').doNothing()).returning('post_id').execute();
  return new Set(inserted.map((r) => r.post_id));
}

export async function replaceAnalysis(db: Db, row: PostAnalysisTable): Promise<void> {
  const { post_id: _id, ...rest } = row;
  await db.insertInto('post_analysis').values(row).onConflict((oc) => oc.column('post_id').doUpdateSet(rest)).execute();
}

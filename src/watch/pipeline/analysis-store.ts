import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { Db, Tx } from '#platform/db/database.ts';
import type { PostAnalysisTable } from '#watch/tables.ts';
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

/**
 * Inserts analyses not stored yet (a redelivered batch changes nothing) of posts still stored (a
 * replay reset may have deleted some since they were announced) inside `tx`; returns the post ids
 * inserted. SQLite takes one prepared row insert per analysis (cheaper than building a multi-row
 * insert with the query builder), and the foreign key tells it of a deleted post; PostgreSQL
 * takes multi-row inserts of the posts it finds (a failed statement there fails the transaction).
 */
export async function insertAnalyses(tx: Tx, rows: PostAnalysisTable[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  const insert = tx.prepared(INSERT_ANALYSIS);
  if (insert) {
    // Positional parameters: binding by name looks each of the 19 up on the row object.
    for (const r of rows) {
      try {
        const done = insert.run(
          r.post_id, r.organisation_id, r.language, r.relevant, r.relevance, r.category, r.priority, r.confidence, r.explanation, r.places,
          r.lat, r.lon, r.location_precision, r.place_name, r.near_duplicate_of, r.feedback_label, r.feedback_priority, r.feedback_at, r.analysed_at,
        );
        if (done.changes > 0) inserted.add(r.post_id);
      } catch (error) {
        // The post is gone: on SQLite a failed statement undoes only itself, not the transaction.
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      }
    }
    return inserted;
  }
  for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
    const chunk = from === 0 && rows.length <= INSERT_CHUNK ? rows : rows.slice(from, from + INSERT_CHUNK);
    const stored = new Set((await tx.db.selectFrom('posts').select('id').where('id', 'in', chunk.map((r) => r.post_id)).execute()).map((r) => r.id));
    const present = chunk.filter((r) => stored.has(r.post_id));
    if (present.length === 0) continue;
    const done = await tx.db.insertInto('post_analysis').values(present).onConflict((oc) => oc.column('post_id').doNothing()).returning('post_id').execute();
    for (const r of done) inserted.add(r.post_id);
  }
  return inserted;
}

const ANALYSIS_COLUMNS = [
  'post_id', 'organisation_id', 'language', 'relevant', 'relevance', 'category', 'priority', 'confidence', 'explanation', 'places',
  'lat', 'lon', 'location_precision', 'place_name', 'near_duplicate_of', 'feedback_label', 'feedback_priority', 'feedback_at', 'analysed_at',
] as const satisfies readonly (keyof PostAnalysisTable)[];

/** Parameters in the order of ANALYSIS_COLUMNS. */
const INSERT_ANALYSIS = `insert into post_analysis (${ANALYSIS_COLUMNS.join(', ')}) values (${ANALYSIS_COLUMNS.map(() => '?').join(', ')}) on conflict (post_id) do nothing`;

/** Rows per insert statement: 19 columns each stays under SQLite's 32,766 bound variables. */
const INSERT_CHUNK = 1000;

export async function replaceAnalysis(db: Db, row: PostAnalysisTable): Promise<void> {
  const { post_id: _id, ...rest } = row;
  await db.insertInto('post_analysis').values(row).onConflict((oc) => oc.column('post_id').doUpdateSet(rest)).execute();
}

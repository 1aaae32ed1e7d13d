import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { Db, Tx } from '#platform/db/database.ts';
import type { PostAnalysisTable } from '#watch/tables.ts';
import type { AnalysedPost, Analysis, ExplanationItem } from '../analysis.ts';
import type { StoredJson } from './analysers.ts';

/** The analysis as its row; `explanation` and `places` when their JSON is made already (by the analysis thread). */
export function toAnalysisRow(
  postId: string,
  organisationId: string,
  a: Analysis,
  analysedAt: string,
  explanation = explanationJson(a.explanation),
  places = placesJson(a.places),
): PostAnalysisTable {
  return {
    post_id: postId,
    organisation_id: organisationId,
    language: a.language,
    relevant: a.relevant ? 1 : 0,
    relevance: a.relevance,
    category: a.category,
    priority: a.priority,
    confidence: a.confidence,
    explanation,
    places,
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

/**
 * The explanation as JSON, exactly as `JSON.stringify` writes it (a property test holds them
 * equal), built by hand: the pipeline writes one per post, and this takes half the time.
 */
export function explanationJson(items: readonly ExplanationItem[]): string {
  let json = '[';
  for (let i = 0; i < items.length; i++) {
    const { feature, weight } = items[i]!;
    json += `${i === 0 ? '' : ','}{"feature":${JSON.stringify(feature)},"weight":${Number.isFinite(weight) ? String(weight) : 'null'}}`;
  }
  return `${json}]`;
}

/** The places named, as JSON (most posts name none). */
export function placesJson(places: Analysis['places']): string {
  return places.length === 0 ? '[]' : JSON.stringify(places);
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
 * Inserts the analyses of `posts` (with `json`, their explanations and places already as JSON,
 * in the same order) not stored yet (a redelivered batch changes nothing) of posts
 * still stored (a replay reset may have deleted some since they were announced) inside `tx`;
 * returns the post ids inserted. SQLite takes one prepared row insert per analysis, bound
 * straight from the analysis (cheaper than building a multi-row insert with the query builder,
 * or a row object first), and the foreign key tells it of a deleted post; PostgreSQL takes
 * multi-row inserts of the posts it finds (a failed statement there fails the transaction).
 */
export async function insertAnalyses(tx: Tx, posts: readonly AnalysedPost[], analysedAt: string, json?: StoredJson): Promise<Set<string>> {
  const inserted = new Set<string>();
  const insert = tx.prepared(INSERT_ANALYSIS);
  if (insert) {
    // Positional parameters, in the order of ANALYSIS_COLUMNS.
    for (let i = 0; i < posts.length; i++) {
      const post = posts[i]!;
      const a = post.analysis!;
      const at = a.location;
      const explanation = json?.explanations[i] ?? explanationJson(a.explanation);
      const places = json?.places[i] ?? placesJson(a.places);
      try {
        const done = insert.run(
          post.id, post.organisationId, a.language, a.relevant ? 1 : 0, a.relevance, a.category, a.priority, a.confidence, explanation, places,
          at?.lat ?? null, at?.lon ?? null, at?.precision ?? null, at?.placeName ?? null, a.nearDuplicateOf, a.feedback?.label ?? null, a.feedback?.priority ?? null, a.feedback?.at ?? null, analysedAt,
        );
        if (done.changes > 0) inserted.add(post.id);
      } catch (error) {
        // The post is gone: on SQLite a failed statement undoes only itself, not the transaction.
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      }
    }
    return inserted;
  }
  const rows = posts.map((p, i) => toAnalysisRow(p.id, p.organisationId, p.analysis!, analysedAt, json?.explanations[i], json?.places[i]));
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

import { newId } from '#core/ids.ts';
import { PRIORITIES, type Priority } from '#core/taxonomy.ts';
import type { Tx } from '#platform/db/database.ts';
import type { AnalysedPost } from '../analysis.ts';
import { claimShingles, claimSimilarity, CLAIM_SIMILARITY, decideClaim, linksIn, normaliseLink, type ClaimPost } from './claims.ts';
import { claimsOfLinks, claimsOfPosts, corrections as loadCorrections, correctionsOfPosts, postIdsBySource, recentClaims, type ClaimRow, type CorrectionRow } from './rumour-store.ts';

/** How far back a new post is compared by text with existing claims. */
const TEXT_MATCH_WINDOW_MS = 6 * 3600_000;
const TEXT_MATCH_CLAIMS = 300;

/**
 * Shingles of claim texts, by claim id. A claim's text never changes, so this is a cache only:
 * after a restart it fills again from the store with the same result.
 */
const shingleCache = new Map<string, Uint32Array | null>();
const SHINGLE_CACHE_SIZE = 5_000;

function cachedShingles(id: string, text: string): Uint32Array | null {
  if (shingleCache.has(id)) return shingleCache.get(id)!;
  const shingles = claimShingles(text);
  if (shingleCache.size >= SHINGLE_CACHE_SIZE) shingleCache.clear();
  shingleCache.set(id, shingles);
  return shingles;
}

function higher(a: string, b: string): Priority {
  return (PRIORITIES.indexOf(a as Priority) >= PRIORITIES.indexOf(b as Priority) ? a : b) as Priority;
}

/** A post as correction matching needs it (a stored post row or an analysed post). */
export interface ReachPost {
  id: string;
  source: string;
  text: string;
  createdAt: string;
  authorPseudonym: string;
  repostOf: string | null;
  quoteOf: string | null;
  nearDuplicateOf: string | null;
}

/** Post ids a post repeats: its near-duplicate root, and the targets of its repost and quote. */
async function repeatsOf(tx: Tx, organisationId: string, posts: readonly ReachPost[]): Promise<Map<string, string[]>> {
  const refs = posts.flatMap((p) => [p.repostOf, p.quoteOf].filter((r): r is string => r !== null).map((sourceId) => ({ source: p.source, sourceId })));
  const resolved = await postIdsBySource(tx.db, organisationId, refs);
  const result = new Map<string, string[]>();
  for (const p of posts) {
    const ids = [p.repostOf, p.quoteOf].filter((r): r is string => r !== null).map((r) => resolved.get(`${p.source}\u0000${r}`)).filter((id): id is string => id !== undefined);
    if (p.nearDuplicateOf) ids.push(p.nearDuplicateOf);
    result.set(p.id, [...new Set(ids)].filter((id) => id !== p.id));
  }
  return result;
}

function reachPostOf(post: AnalysedPost): ReachPost {
  return {
    id: post.id,
    source: post.source,
    text: post.text,
    createdAt: post.createdAt,
    authorPseudonym: post.authorPseudonym,
    repostOf: post.repostOf,
    quoteOf: post.quoteOf,
    nearDuplicateOf: post.analysis?.nearDuplicateOf ?? null,
  };
}

/**
 * Groups a batch of one organisation's analysed posts into claims (decideClaim decides; this
 * loads what it needs and stores the result). A post already in a claim is left where it is.
 */
export async function groupPosts(tx: Tx, organisationId: string, analysed: readonly AnalysedPost[], now: Date): Promise<void> {
  const posts = [...analysed].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  if (posts.length === 0) return;
  const reach = posts.map(reachPostOf);
  const repeats = await repeatsOf(tx, organisationId, reach);
  const links = new Map(posts.map((p) => [p.id, linksIn(p.text)]));
  const refIds = [...new Set([...posts.map((p) => p.id), ...[...repeats.values()].flat()])];
  const memberOf = await claimsOfPosts(tx.db, organisationId, refIds);
  const linkOf = await claimsOfLinks(tx.db, organisationId, [...new Set([...links.values()].flat())]);
  const since = new Date(Date.parse(posts[0]!.createdAt) - TEXT_MATCH_WINDOW_MS).toISOString();
  const textClaims = (await recentClaims(tx.db, organisationId, since, TEXT_MATCH_CLAIMS)).map((c) => ({ id: c.id, shingles: cachedShingles(c.id, c.text) }));
  const touched = new Map<string, { count: number; last: string; priority: string }>();
  const joined: { organisation_id: string; post_id: string; claim_id: string; created_at: string; author_pseudonym: string }[] = [];

  const join = (claimId: string, post: { id: string; createdAt: string; authorPseudonym: string }, priority: string) => {
    memberOf.set(post.id, claimId);
    joined.push({ organisation_id: organisationId, post_id: post.id, claim_id: claimId, created_at: post.createdAt, author_pseudonym: post.authorPseudonym });
    const t = touched.get(claimId) ?? { count: 0, last: post.createdAt, priority };
    touched.set(claimId, { count: t.count + 1, last: post.createdAt > t.last ? post.createdAt : t.last, priority: higher(t.priority, priority) });
  };

  for (const post of posts) {
    if (memberOf.has(post.id)) continue;
    const candidate: ClaimPost = {
      postId: post.id,
      relevant: post.analysis?.relevant ?? false,
      shingles: claimShingles(post.text),
      links: links.get(post.id) ?? [],
      repeats: repeats.get(post.id) ?? [],
    };
    const decision = decideClaim(candidate, { claimOfPost: (id) => memberOf.get(id), claimOfLink: (link) => linkOf.get(link), textClaims });
    if (!decision) continue;
    const priority = post.analysis?.priority ?? 'low';
    if ('join' in decision) {
      join(decision.join, post, priority);
      continue;
    }
    const root = await tx.db.selectFrom('posts').select(['id', 'text', 'created_at', 'author_pseudonym']).where('organisation_id', '=', organisationId).where('id', '=', decision.open.root).executeTakeFirst();
    const rootPost = root ? { id: root.id, text: root.text, createdAt: root.created_at, authorPseudonym: root.author_pseudonym } : post;
    const claim: ClaimRow = {
      id: newId(now.getTime()),
      organisation_id: organisationId,
      state: 'observed',
      text: rootPost.text,
      root_post_id: rootPost.id,
      category: post.analysis?.category ?? null,
      priority,
      first_at: rootPost.createdAt,
      last_at: post.createdAt,
      post_count: 0,
      verdict_note: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.db.insertInto('rumour_claims').values(claim).execute();
    textClaims.push({ id: claim.id, shingles: cachedShingles(claim.id, claim.text) });
    if (rootPost.id !== post.id) join(claim.id, rootPost, priority);
    join(claim.id, post, priority);
    for (const link of links.get(post.id) ?? []) {
      if (linkOf.has(link)) continue;
      linkOf.set(link, claim.id);
      await tx.db.insertInto('rumour_claim_urls').values({ organisation_id: organisationId, url: link, claim_id: claim.id }).onConflict((oc) => oc.columns(['organisation_id', 'url']).doNothing()).execute();
    }
  }

  for (let i = 0; i < joined.length; i += 200) {
    await tx.db.insertInto('rumour_claim_posts').values(joined.slice(i, i + 200)).onConflict((oc) => oc.columns(['organisation_id', 'post_id']).doNothing()).execute();
  }
  for (const [claimId, t] of touched) {
    const row = await tx.db.selectFrom('rumour_claims').select(['post_count', 'last_at', 'priority']).where('id', '=', claimId).executeTakeFirstOrThrow();
    await tx.db
      .updateTable('rumour_claims')
      .set({ post_count: row.post_count + t.count, last_at: t.last > row.last_at ? t.last : row.last_at, priority: higher(row.priority, t.priority), updated_at: now.toISOString() })
      .where('id', '=', claimId)
      .execute();
  }
}

/**
 * Counts posts that carry a correction: posts whose words repeat its Dutch or English text, posts
 * that link it, and reposts or quotes of such posts. `only` limits matching to those corrections
 * (when one is recorded); otherwise the organisation's recent corrections are used.
 */
export async function matchCorrections(tx: Tx, organisationId: string, input: readonly (AnalysedPost | ReachPost)[], only?: readonly CorrectionRow[]): Promise<void> {
  const fixes = only ?? (await loadCorrections(tx.db, organisationId));
  if (fixes.length === 0 || input.length === 0) return;
  const posts = input.map((p) => ('analysis' in p ? reachPostOf(p) : p)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const targets = fixes.map((c) => ({
    id: c.id,
    texts: [claimShingles(c.text_nl), c.text_en ? claimShingles(c.text_en) : null],
    link: c.url ? normaliseLink(c.url) : null,
  }));
  const repeats = await repeatsOf(tx, organisationId, posts);
  const carried = await correctionsOfPosts(tx.db, organisationId, [...new Set([...repeats.values()].flat())]);
  const rows: { correction_id: string; organisation_id: string; post_id: string; created_at: string; author_pseudonym: string }[] = [];
  for (const post of posts) {
    const shingles = claimShingles(post.text);
    const postLinks = linksIn(post.text);
    const via = new Set((repeats.get(post.id) ?? []).flatMap((id) => carried.get(id) ?? []));
    for (const t of targets) {
      const matches = via.has(t.id) || (t.link !== null && postLinks.includes(t.link)) || t.texts.some((s) => claimSimilarity(shingles, s) >= CLAIM_SIMILARITY);
      if (!matches) continue;
      rows.push({ correction_id: t.id, organisation_id: organisationId, post_id: post.id, created_at: post.createdAt, author_pseudonym: post.authorPseudonym });
      // A later post in the same batch that reposts this one carries the correction too.
      const list = carried.get(post.id) ?? [];
      list.push(t.id);
      carried.set(post.id, list);
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    await tx.db.insertInto('rumour_correction_posts').values(rows.slice(i, i + 200)).onConflict((oc) => oc.columns(['correction_id', 'post_id']).doNothing()).execute();
  }
}

import { notFound } from '#core/errors.ts';
import type { Database } from '#platform/db/database.ts';
import '../incidents/tables.ts';
import '../rumours/tables.ts';
import { buildNetwork, type Interaction, type Network } from './graph.ts';

/** Posts read for one graph at most: the newest in scope. */
const MAX_POSTS = 20_000;

export interface NetworkQuery {
  organisationId: string;
  /** Posts created at or after this time. */
  since?: string;
  until?: string;
  /** Only posts the pipeline put in this category. */
  category?: string;
  /** Only the member posts of this incident. */
  incidentId?: string;
  /** Only the member posts of this rumour claim. */
  claimId?: string;
  /** Nodes returned at most (those with the highest PageRank). */
  limit: number;
}

interface ScopedPost {
  id: string;
  source: string;
  author_pseudonym: string;
  mentions: string;
  reply_to: string | null;
  repost_of: string | null;
  quote_of: string | null;
}

/**
 * The actor network of a scope (a time window, a category, an incident or a rumour): who
 * mentions, replies to and reposts whom (SPEC W9). Reply and repost targets are resolved to their
 * authors through the stored posts, also when the target itself lies outside the scope.
 */
export class NetworkService {
  constructor(private readonly options: { database: Database }) {}

  async graph(query: NetworkQuery): Promise<Network & { scope: { posts: number; truncated: boolean } }> {
    const posts = await this.scopedPosts(query);
    const truncated = posts.length > MAX_POSTS;
    const inScope = truncated ? posts.slice(0, MAX_POSTS) : posts;
    const authors = await this.targetAuthors(query.organisationId, inScope);
    const interactions: Interaction[] = [];
    const postsByAuthor = new Map<string, number>();
    for (const post of inScope) {
      const from = post.author_pseudonym;
      postsByAuthor.set(from, (postsByAuthor.get(from) ?? 0) + 1);
      for (const to of JSON.parse(post.mentions) as string[]) interactions.push({ from, to, kind: 'mention' });
      const targets: [string | null, Interaction['kind']][] = [
        [post.reply_to, 'reply'],
        [post.repost_of, 'repost'],
        [post.quote_of, 'quote'],
      ];
      for (const [sourceId, kind] of targets) {
        const to = sourceId ? authors.get(`${post.source}\u0000${sourceId}`) : undefined;
        if (to) interactions.push({ from, to, kind });
      }
    }
    return { ...buildNetwork(interactions, postsByAuthor, query.limit), scope: { posts: inScope.length, truncated } };
  }

  private async scopedPosts(query: NetworkQuery): Promise<ScopedPost[]> {
    const db = this.options.database.db;
    const columns = ['p.id', 'p.source', 'p.author_pseudonym', 'p.mentions', 'p.reply_to', 'p.repost_of', 'p.quote_of'] as const;
    if (query.incidentId) {
      const incident = await db.selectFrom('incidents').select('id').where('organisation_id', '=', query.organisationId).where('id', '=', query.incidentId).executeTakeFirst();
      if (!incident) throw notFound('INCIDENT_NOT_FOUND', 'No such incident in this organisation.');
    }
    if (query.claimId) {
      const claim = await db.selectFrom('rumour_claims').select('id').where('organisation_id', '=', query.organisationId).where('id', '=', query.claimId).executeTakeFirst();
      if (!claim) throw notFound('RUMOUR_NOT_FOUND', 'No such claim in this organisation.');
    }
    let q = db.selectFrom('posts as p').select(columns).where('p.organisation_id', '=', query.organisationId);
    if (query.since) q = q.where('p.created_at', '>=', query.since);
    if (query.until) q = q.where('p.created_at', '<=', query.until);
    if (query.category) {
      const category = query.category;
      q = q.where((eb) => eb.exists(eb.selectFrom('post_analysis as a').select('a.post_id').whereRef('a.post_id', '=', 'p.id').where('a.category', '=', category).where('a.relevant', '=', 1)));
    }
    if (query.incidentId) {
      const incidentId = query.incidentId;
      q = q.where((eb) => eb.exists(eb.selectFrom('incident_posts as m').select('m.post_id').whereRef('m.post_id', '=', 'p.id').where('m.incident_id', '=', incidentId)));
    }
    if (query.claimId) {
      const claimId = query.claimId;
      q = q.where((eb) => eb.exists(eb.selectFrom('rumour_claim_posts as c').select('c.post_id').whereRef('c.post_id', '=', 'p.id').where('c.claim_id', '=', claimId)));
    }
    return q.orderBy('p.id', 'desc').limit(MAX_POSTS + 1).execute();
  }

  /** Authors of reply, repost and quote targets, keyed by source and source id. */
  private async targetAuthors(organisationId: string, posts: readonly ScopedPost[]): Promise<Map<string, string>> {
    const bySource = new Map<string, Set<string>>();
    for (const p of posts) {
      for (const id of [p.reply_to, p.repost_of, p.quote_of]) {
        if (!id) continue;
        let set = bySource.get(p.source);
        if (!set) bySource.set(p.source, (set = new Set()));
        set.add(id);
      }
    }
    const authors = new Map<string, string>();
    for (const [source, ids] of bySource) {
      const list = [...ids];
      for (let i = 0; i < list.length; i += 500) {
        const rows = await this.options.database.db
          .selectFrom('posts')
          .select(['source_id', 'author_pseudonym'])
          .where('organisation_id', '=', organisationId)
          .where('source', '=', source)
          .where('source_id', 'in', list.slice(i, i + 500))
          .execute();
        for (const row of rows) authors.set(`${source}\u0000${row.source_id}`, row.author_pseudonym);
      }
    }
    return authors;
  }
}

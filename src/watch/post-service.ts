import type { Clock } from '#core/clock.ts';
import { notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { IdentityVault, SeenIdentity } from '#govern/identity-vault.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import { receivedEventPayloads } from './events.ts';
import type { AnalysedPost } from './analysis.ts';
import type { IncomingPost, Post } from './post.ts';
import type { TextIndex } from './search/text-index.ts';
import { countPosts, countPostsSince, findPost, insertNewPosts, queryPosts, type PostQuery } from './post-store.ts';

export interface IngestResult {
  stored: Post[];
  /** Posts already stored earlier (same organisation, source and source id): skipped. */
  duplicates: number;
}

export interface PostPage {
  items: AnalysedPost[];
  nextCursor: string | null;
}

/** Stores normalised posts exactly once and announces the new ones with `posts.received`. */
export class PostService {
  constructor(private readonly options: { database: Database; bus: EventBus; clock: Clock; vault?: IdentityVault; textIndex?: TextIndex }) {}

  /**
   * Stores a batch inside `tx`; the caller commits it together with its own state (a connector's
   * cursor), so that a crash either keeps both or neither.
   */
  async ingest(tx: Tx, organisationId: string, incoming: IncomingPost[]): Promise<IngestResult> {
    const now = this.options.clock.now();
    const receivedAt = now.toISOString();
    const seen = new Set<string>();
    const posts: Post[] = [];
    const identities = new Map<string, SeenIdentity>();
    const ms = now.getTime();
    for (const p of incoming) {
      const key = `${p.source}\u0000${p.sourceId}`;
      if (seen.has(key)) continue; // the same post twice in one batch
      seen.add(key);
      posts.push(toPost(p, newId(ms), organisationId, receivedAt));
      if (p.authorHandle) identities.set(p.authorPseudonym, { pseudonym: p.authorPseudonym, source: p.source, handle: p.authorHandle });
    }
    const inserted = await insertNewPosts(tx, posts);
    const stored = posts.filter((p) => inserted.has(p.id));
    if (this.options.vault && identities.size > 0) await this.options.vault.remember(tx.db, organisationId, identities.values(), (hook) => tx.onCommit(hook));
    if (stored.length > 0) {
      const payloads = receivedEventPayloads(stored);
      await this.options.bus.publishMany(tx, 'posts.received', payloads.map((payload) => ({ payload, organisationId })));
    }
    return { stored, duplicates: incoming.length - stored.length };
  }

  /** Stores a batch in a transaction of its own. */
  async ingestNow(organisationId: string, incoming: IncomingPost[]): Promise<IngestResult> {
    return this.options.database.transaction((tx) => this.ingest(tx, organisationId, incoming));
  }

  async list(query: PostQuery): Promise<PostPage> {
    const { database, textIndex } = this.options;
    const limit = query.limit + 1;
    const textCondition = query.text && textIndex ? await textIndex.contains(query.text, query.organisationId, limit) : undefined;
    const items = await queryPosts(database.db, database.dialect, { ...query, limit }, textCondition);
    const more = items.length > query.limit;
    const page = more ? items.slice(0, query.limit) : items;
    return { items: page, nextCursor: more ? page[page.length - 1]!.id : null };
  }

  async get(organisationId: string, id: string): Promise<AnalysedPost> {
    const post = await findPost(this.options.database.db, organisationId, id);
    if (!post) throw notFound('POST_NOT_FOUND', 'No such post in this organisation.');
    return post;
  }

  async count(organisationId: string): Promise<number> {
    return countPosts(this.options.database.db, organisationId);
  }

  /** Posts of the organisation stored at `sinceMs` (Unix milliseconds) or later. */
  async countSince(organisationId: string, sinceMs: number): Promise<number> {
    return countPostsSince(this.options.database.db, organisationId, sinceMs);
  }
}

/**
 * The post to store, field by field: the author's handle stays behind (it goes to the vault
 * only), and so does anything else a connector's object carries. One allocation of one shape,
 * where a rest pattern and a spread made two of changing shapes.
 */
function toPost(p: IncomingPost, id: string, organisationId: string, receivedAt: string): Post {
  return {
    id,
    organisationId,
    source: p.source,
    sourceId: p.sourceId,
    url: p.url,
    authorPseudonym: p.authorPseudonym,
    text: p.text,
    language: p.language,
    createdAt: p.createdAt,
    receivedAt,
    location: p.location,
    hashtags: p.hashtags,
    mentions: p.mentions,
    media: p.media,
    replyTo: p.replyTo,
    repostOf: p.repostOf,
    quoteOf: p.quoteOf,
  };
}

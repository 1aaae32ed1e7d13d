import type { Clock } from '#core/clock.ts';
import { invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { Database } from '#platform/db/database.ts';
import type { DetectorPost } from '../detect/burst.ts';
import { isKnownMunicipality, type Area } from './areas.ts';
import { keywordOf, sensitivityFor } from './match.ts';
import { watchlistInputSchema, type Watchlist, type WatchlistInput, type WatchlistScope } from './watchlist.ts';
import { findWatchlist, listWatchlists } from './watchlist-store.ts';

/** Watchlists are read on every batch; a short cache keeps that off the store. */
const CACHE_MS = 5_000;

/**
 * Watchlists and their alert rules (SPEC W6), per organisation. Purpose and legal basis are
 * required and every change is audited (G1); accounts are kept only as pseudonyms. The detector
 * and the notifier read them through {@link enabled}, cached for a few seconds.
 */
export class WatchlistService {
  private readonly cache = new Map<string, { at: number; lists: Promise<Watchlist[]> }>();

  constructor(private readonly options: { database: Database; audit: AuditLog; clock: Clock; pseudonyms: Pseudonymiser }) {}

  list(organisationId: string): Promise<Watchlist[]> {
    return listWatchlists(this.options.database.db, organisationId);
  }

  async get(organisationId: string, id: string): Promise<Watchlist> {
    const found = await findWatchlist(this.options.database.db, organisationId, id);
    if (!found) throw notFound('WATCHLIST_NOT_FOUND', 'No such watchlist in this organisation.');
    return found;
  }

  /** The organisation's enabled watchlists (cached briefly). */
  async enabled(organisationId: string): Promise<Watchlist[]> {
    const now = Date.now();
    let entry = this.cache.get(organisationId);
    if (!entry || now - entry.at > CACHE_MS) {
      entry = { at: now, lists: this.list(organisationId).then((all) => all.filter((w) => w.enabled)) };
      this.cache.set(organisationId, entry);
    }
    return entry.lists;
  }

  /** The detector's sensitivity per post for an organisation (see match.ts). */
  async sensitivity(organisationId: string): Promise<(post: DetectorPost) => number> {
    const lists = await this.enabled(organisationId);
    if (lists.length === 0) return () => 1;
    return (post) => sensitivityFor(lists, post);
  }

  async create(organisationId: string, input: WatchlistInput, actor: string): Promise<Watchlist> {
    const id = newId();
    await this.write(organisationId, id, input, actor, 'create');
    return this.get(organisationId, id);
  }

  /** Replaces a watchlist's definition and rules (rules get new ids). */
  async update(organisationId: string, id: string, input: WatchlistInput, actor: string): Promise<Watchlist> {
    await this.get(organisationId, id);
    await this.write(organisationId, id, input, actor, 'update');
    return this.get(organisationId, id);
  }

  async remove(organisationId: string, id: string, actor: string): Promise<void> {
    await this.get(organisationId, id);
    await this.options.database.transaction(async (tx) => {
      await tx.db.deleteFrom('alert_rules').where('watchlist_id', '=', id).execute();
      await tx.db.deleteFrom('watchlists').where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'watchlist.delete', subjectType: 'watchlist', subjectId: id });
    });
    this.cache.delete(organisationId);
  }

  private async write(organisationId: string, id: string, raw: WatchlistInput, actor: string, action: 'create' | 'update'): Promise<void> {
    const parsed = watchlistInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid('INVALID_WATCHLIST', `${issue.path.join('.') || '(watchlist)'}: ${issue.message}`);
    }
    const input = parsed.data;
    const areas: Area[] = [...input.areas, ...input.events.map((e) => e.area)];
    const unknown = areas.find((a) => a.kind === 'municipality' && !isKnownMunicipality(a.code));
    if (unknown && unknown.kind === 'municipality') throw invalid('UNKNOWN_MUNICIPALITY', `Unknown municipality code ${unknown.code}.`);
    const scope: WatchlistScope = {
      keywords: input.keywords.map(keywordOf),
      areas: input.areas,
      accounts: input.accounts.map((a) => ({ source: a.source, pseudonym: this.options.pseudonyms.pseudonymise(a.source, a.handle.replace(/^@/, '')) })),
      events: input.events,
      categories: input.categories,
    };
    const now = this.options.clock.now().toISOString();
    await this.options.database.transaction(async (tx) => {
      const row = { name: input.name, purpose: input.purpose, legal_basis: input.legalBasis, scope: JSON.stringify(scope), sensitivity: input.sensitivity, enabled: input.enabled ? 1 : 0, updated_at: now };
      if (action === 'create') await tx.db.insertInto('watchlists').values({ id, organisation_id: organisationId, created_by: actor, created_at: now, ...row }).execute();
      else await tx.db.updateTable('watchlists').set(row).where('id', '=', id).execute();
      await tx.db.deleteFrom('alert_rules').where('watchlist_id', '=', id).execute();
      if (input.rules.length > 0) {
        await tx.db
          .insertInto('alert_rules')
          .values(
            input.rules.map((r) => ({
              id: newId(),
              organisation_id: organisationId,
              watchlist_id: id,
              name: r.name,
              condition: JSON.stringify(r.condition),
              channels: JSON.stringify(r.channels),
              throttle_minutes: r.throttleMinutes,
              enabled: r.enabled ? 1 : 0,
              created_at: now,
            })),
          )
          .execute();
      }
      await this.options.audit.append(tx, {
        organisationId,
        actor,
        action: `watchlist.${action}`,
        subjectType: 'watchlist',
        subjectId: id,
        data: { name: input.name, purpose: input.purpose, legalBasis: input.legalBasis, keywords: input.keywords.length, areas: input.areas.length, accounts: input.accounts.length, events: input.events.length, rules: input.rules.length },
      });
    });
    this.cache.delete(organisationId);
  }
}

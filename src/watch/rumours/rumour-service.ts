import type { Clock } from '#core/clock.ts';
import { conflict, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { Priority } from '#core/taxonomy.ts';
import type { VerificationService } from '#interact/verification/verification-service.ts';
import type { VerificationTask } from '#interact/verification/task.ts';
import '#interact/verification/events.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { markProcessed } from '#platform/bus/idempotency.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { AnalysedPost } from '../analysis.ts';
import '../events.ts';
import { bucketSeries, canTake, type ClaimState, type Verdict, velocity } from './claims.ts';
import { postsOnlyReach, type ClaimDetail, type ClaimSummary, type CorrectionReach } from './rumour.ts';
import { claimMembers, correctionPostTimes, findClaim, latestCorrections, queryClaims, type ClaimQuery, type ClaimRow, type CorrectionRow } from './rumour-store.ts';
import { groupPosts, matchCorrections } from './grouping.ts';

export const RUMOURS_CONSUMER = 'watch.rumours';
export const RUMOUR_VERDICTS_CONSUMER = 'watch.rumours.verdicts';
const DETAIL_POSTS = 200;

/**
 * Rumours (SPEC W8): a durable consumer of `posts.analysed` groups posts that repeat one claim
 * (grouping.ts) and counts the posts that repeat a recorded correction; analysts mark a claim as
 * a rumour, send it for verification (a task for a field officer, SPEC I4) and record a
 * correction, whose reach is then shown beside the rumour's.
 */
export class RumourService {
  constructor(
    private readonly options: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock; verification: VerificationService; reach?: CorrectionReach },
  ) {}

  register(): void {
    const { bus } = this.options;
    bus.subscribe(RUMOURS_CONSUMER, ['posts.analysed'], (events) => this.handle(events), { batchSize: 4 });
    bus.subscribe(RUMOUR_VERDICTS_CONSUMER, ['verification.answered'], (events) => this.handleVerdicts(events));
  }

  async handle(events: BusEvent<'posts.analysed'>[]): Promise<void> {
    const { database, clock } = this.options;
    await database.transaction(async (tx) => {
      const byOrganisation = new Map<string, AnalysedPost[]>();
      for (const event of events) {
        if (!(await markProcessed(tx, RUMOURS_CONSUMER, event.id, clock.now()))) continue;
        for (const post of event.payload.posts) {
          let list = byOrganisation.get(post.organisationId);
          if (!list) byOrganisation.set(post.organisationId, (list = []));
          list.push(post);
        }
      }
      for (const [organisationId, posts] of byOrganisation) {
        await groupPosts(tx, organisationId, posts, clock.now());
        await matchCorrections(tx, organisationId, posts);
      }
    });
  }

  /** A field officer's answer about a rumour sets its state (confirmed, denied, unverifiable). */
  async handleVerdicts(events: BusEvent<'verification.answered'>[]): Promise<void> {
    await this.options.database.transaction(async (tx) => {
      for (const event of events) {
        if (!(await markProcessed(tx, RUMOUR_VERDICTS_CONSUMER, event.id, this.options.clock.now()))) continue;
        const task = event.payload.task;
        if (task.subjectType !== 'rumour' || !task.answer) continue;
        const claim = await findClaim(tx.db, task.organisationId, task.subjectId);
        // A correction already recorded stays the latest word.
        if (!claim || claim.state === 'corrected') continue;
        await tx.db.updateTable('rumour_claims').set({ state: task.answer, verdict_note: task.note, updated_at: this.options.clock.now().toISOString() }).where('id', '=', claim.id).execute();
        await this.options.audit.append(tx, { organisationId: task.organisationId, actor: task.answeredBy ?? 'system', action: 'rumour.verdict', subjectType: 'rumour', subjectId: claim.id, data: { answer: task.answer, task: task.id } });
      }
    });
  }

  async list(query: ClaimQuery): Promise<ClaimSummary[]> {
    const db = this.options.database.db;
    const rows = await queryClaims(db, query);
    const ids = rows.map((r) => r.id);
    const [members, fixes] = await Promise.all([claimMembers(db, ids), latestCorrections(db, ids)]);
    const reach = await correctionPostTimes(db, [...fixes.values()].map((c) => c.id));
    return rows.map((row) => this.summary(row, members.get(row.id) ?? [], fixes.get(row.id) ?? null, reach));
  }

  async get(organisationId: string, id: string): Promise<ClaimDetail> {
    const db = this.options.database.db;
    const row = await this.require(organisationId, id);
    const members = (await claimMembers(db, [id])).get(id) ?? [];
    const correction = (await latestCorrections(db, [id])).get(id) ?? null;
    const reachTimes = await correctionPostTimes(db, correction ? [correction.id] : []);
    const correctionTimes = correction ? (reachTimes.get(correction.id) ?? []) : [];
    const deliveries = correction?.message_id ? await (this.options.reach ?? postsOnlyReach).deliveries(organisationId, correction.message_id) : [];
    const deliveryTimes = deliveries.flatMap((d) => new Array<number>(Math.max(0, d.count)).fill(Date.parse(d.at)));
    const allTimes = [...members.map((m) => m.at), ...correctionTimes, ...deliveryTimes];
    const from = Math.min(...allTimes);
    const to = Math.max(...allTimes);
    const posts = await db
      .selectFrom('rumour_claim_posts as m')
      .innerJoin('posts as p', 'p.id', 'm.post_id')
      .select(['m.post_id', 'm.created_at', 'p.text', 'm.author_pseudonym'])
      .where('m.claim_id', '=', id)
      .orderBy('m.created_at')
      .limit(DETAIL_POSTS)
      .execute();
    return {
      ...this.summary(row, members, correction, reachTimes),
      posts: posts.map((p) => ({ postId: p.post_id, createdAt: p.created_at, text: p.text, authorPseudonym: p.author_pseudonym })),
      reach: {
        rumour: bucketSeries(members.map((m) => m.at), from, to),
        correction: correction ? bucketSeries(correctionTimes, from, to) : [],
        deliveries: deliveryTimes.length > 0 ? bucketSeries(deliveryTimes, from, to) : [],
      },
    };
  }

  /** An analyst marks an observed claim as a rumour. */
  async mark(organisationId: string, id: string, actor: string): Promise<ClaimSummary> {
    await this.transition(organisationId, id, 'mark', 'marked_rumour', actor);
    return this.summaryOf(organisationId, id);
  }

  /** Sends a claim for verification: a task for a field officer, in the same transaction. */
  async requestVerification(organisationId: string, id: string, input: { assigneeId: string; question: string }, actor: string): Promise<{ claim: ClaimSummary; task: VerificationTask }> {
    const assignee = await this.options.verification.assignee(organisationId, input.assigneeId);
    const task = await this.options.database.transaction(async (tx) => {
      const claim = await this.require(organisationId, id, tx);
      if (!canTake('verify', claim.state as ClaimState)) throw conflict('INVALID_RUMOUR_STATE', `A claim that is ${claim.state} cannot be sent for verification.`);
      const created = await this.options.verification.create(tx, { organisationId, subjectType: 'rumour', subjectId: id, question: input.question, assignee }, actor);
      await this.setState(tx, claim, 'verifying', actor);
      return created;
    });
    return { claim: await this.summaryOf(organisationId, id), task };
  }

  /** Records the correction (until the send module publishes it, a recorded text) and counts its reach so far. */
  async correct(organisationId: string, id: string, input: { textNl: string; textEn?: string | null; url?: string | null; messageId?: string | null }, actor: string): Promise<ClaimSummary> {
    await this.options.database.transaction(async (tx) => {
      const claim = await this.require(organisationId, id, tx);
      if (!canTake('correct', claim.state as ClaimState)) throw conflict('INVALID_RUMOUR_STATE', `Mark the claim as a rumour before recording a correction (it is ${claim.state}).`);
      const now = this.options.clock.now();
      const correction: CorrectionRow = {
        id: newId(now.getTime()),
        organisation_id: organisationId,
        claim_id: id,
        text_nl: input.textNl.trim(),
        text_en: input.textEn?.trim() || null,
        url: input.url?.trim() || null,
        message_id: input.messageId ?? null,
        actor,
        recorded_at: now.toISOString(),
      };
      await tx.db.insertInto('rumour_corrections').values(correction).execute();
      await this.setState(tx, claim, 'corrected', actor, { correction: correction.id });
      // Posts stored before the correction was recorded count too (the official post may be in already).
      const since = claim.first_at;
      const earlier = await tx.db
        .selectFrom('posts')
        .select(['id', 'source', 'text', 'created_at', 'author_pseudonym', 'repost_of', 'quote_of'])
        .where('organisation_id', '=', organisationId)
        .where('created_at', '>=', since)
        .orderBy('created_at')
        .limit(20_000)
        .execute();
      await matchCorrections(
        tx,
        organisationId,
        earlier.map((p) => ({ id: p.id, source: p.source, text: p.text, createdAt: p.created_at, authorPseudonym: p.author_pseudonym, repostOf: p.repost_of, quoteOf: p.quote_of, nearDuplicateOf: null })),
        [correction],
      );
    });
    return this.summaryOf(organisationId, id);
  }

  private async transition(organisationId: string, id: string, action: 'mark', to: ClaimState, actor: string): Promise<void> {
    await this.options.database.transaction(async (tx) => {
      const claim = await this.require(organisationId, id, tx);
      if (!canTake(action, claim.state as ClaimState)) throw conflict('INVALID_RUMOUR_STATE', `A claim that is ${claim.state} cannot be ${action}ed.`);
      await this.setState(tx, claim, to, actor);
    });
  }

  private async setState(tx: Tx, claim: ClaimRow, to: ClaimState | Verdict, actor: string, data: Record<string, unknown> = {}): Promise<void> {
    await tx.db.updateTable('rumour_claims').set({ state: to, updated_at: this.options.clock.now().toISOString() }).where('id', '=', claim.id).execute();
    await this.options.audit.append(tx, { organisationId: claim.organisation_id, actor, action: 'rumour.state', subjectType: 'rumour', subjectId: claim.id, data: { from: claim.state, to, ...data } });
  }

  private summary(row: ClaimRow, members: { at: number; author: string }[], correction: CorrectionRow | null, reach: Map<string, number[]>): ClaimSummary {
    return {
      id: row.id,
      state: row.state as ClaimState,
      text: row.text,
      category: row.category,
      priority: row.priority as Priority,
      firstAt: row.first_at,
      lastAt: row.last_at,
      postCount: row.post_count,
      velocity: velocity(members, Date.parse(row.last_at)),
      verdictNote: row.verdict_note,
      correction: correction && {
        id: correction.id,
        textNl: correction.text_nl,
        textEn: correction.text_en,
        url: correction.url,
        messageId: correction.message_id,
        recordedAt: correction.recorded_at,
        reachPosts: reach.get(correction.id)?.length ?? 0,
      },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private async summaryOf(organisationId: string, id: string): Promise<ClaimSummary> {
    const { posts: _posts, reach: _reach, ...summary } = await this.get(organisationId, id);
    return summary;
  }

  private async require(organisationId: string, id: string, tx?: Tx): Promise<ClaimRow> {
    const row = await findClaim(tx?.db ?? this.options.database.db, organisationId, id);
    if (!row) throw notFound('RUMOUR_NOT_FOUND', 'No such claim in this organisation.');
    return row;
  }
}

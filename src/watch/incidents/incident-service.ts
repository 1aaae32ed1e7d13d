import type { Clock } from '#core/clock.ts';
import { conflict, invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import '#interact/verification/events.ts';
import type { VerificationTask } from '#interact/verification/task.ts';
import type { VerificationService } from '#interact/verification/verification-service.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { markProcessed } from '#platform/bus/idempotency.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { AnalysedPost } from '../analysis.ts';
import '../events.ts';
import { CLUSTER_DEFAULTS, clusterBatch, rebuildState, type ClusterOptions, type ClusterPost, type ClusterState, type IncidentStatus } from './cluster.ts';
import './events.ts';
import { perMinute, STATUS_TRANSITIONS, type IncidentDetail, type IncidentSummary } from './incident.ts';
import {
  findIncident,
  memberOf,
  memberPostIds,
  memberPosts,
  membersOf,
  memberTimes,
  openIncidents,
  queryIncidents,
  stateColumns,
  stateOf,
  toSummary,
  type IncidentQuery,
  type IncidentRow,
} from './incident-store.ts';
import { termsOf } from './terms.ts';

export const INCIDENTS_CONSUMER = 'watch.incidents';
export const INCIDENT_VERDICTS_CONSUMER = 'watch.incidents.verdicts';
/** Member posts returned with an incident's detail at most (the map and the list). */
const DETAIL_MEMBERS = 500;
/** Minutes of history in a list item's sparkline. */
const SPARKLINE_MINUTES = 60;

/** The post as clustering sees it, or null when it is not safety-relevant. */
export function clusterPostOf(post: AnalysedPost): ClusterPost | null {
  const a = post.analysis;
  if (!a?.relevant) return null;
  return {
    id: post.id,
    at: Date.parse(post.createdAt),
    lat: a.location?.lat ?? null,
    lon: a.location?.lon ?? null,
    category: a.category,
    priority: a.priority,
    terms: termsOf(post.text, a.language),
  };
}

/**
 * Incidents (SPEC W7): a durable consumer of `posts.analysed` that clusters relevant posts into
 * incidents (cluster.ts decides, this service loads and stores), and the analyst's actions —
 * status changes, merge and split — each audited and announced.
 */
export class IncidentService {
  private readonly cluster: ClusterOptions;

  constructor(
    private readonly options: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock; verification: VerificationService; cluster?: Partial<ClusterOptions> },
  ) {
    this.cluster = { ...CLUSTER_DEFAULTS, ...options.cluster };
  }

  register(): void {
    this.options.bus.subscribe(INCIDENTS_CONSUMER, ['posts.analysed'], (events) => this.handle(events), { batchSize: 4 });
    this.options.bus.subscribe(INCIDENT_VERDICTS_CONSUMER, ['verification.answered'], (events) => this.handleVerdicts(events));
  }

  /** A field officer's answer about an incident is recorded on it (SPEC I4). */
  async handleVerdicts(events: BusEvent<'verification.answered'>[]): Promise<void> {
    await this.options.database.transaction(async (tx) => {
      for (const event of events) {
        if (!(await markProcessed(tx, INCIDENT_VERDICTS_CONSUMER, event.id, this.options.clock.now()))) continue;
        const task = event.payload.task;
        if (task.subjectType === 'incident' && task.answer) await this.applyVerdict(tx, task.organisationId, task.subjectId, task.answer, task.note, task.answeredBy ?? 'system');
      }
    });
  }

  /** Asks a field officer to check an incident on the spot. */
  async requestVerification(organisationId: string, id: string, input: { assigneeId: string; question: string }, actor: string): Promise<VerificationTask> {
    const assignee = await this.options.verification.assignee(organisationId, input.assigneeId);
    return this.options.database.transaction(async (tx) => {
      const row = await this.require(organisationId, id, tx);
      if (row.merged_into) throw conflict('INCIDENT_MERGED', 'This incident was merged into another; ask about that one.');
      return this.options.verification.create(tx, { organisationId, subjectType: 'incident', subjectId: id, question: input.question, assignee }, actor);
    });
  }

  /** Clusters a batch; an event handled before (redelivery) and a post already in an incident change nothing. */
  async handle(events: BusEvent<'posts.analysed'>[]): Promise<void> {
    const { database, bus, clock } = this.options;
    await database.transaction(async (tx) => {
      const byOrganisation = new Map<string, { post: ClusterPost; placeName: string | null }[]>();
      for (const event of events) {
        if (!(await markProcessed(tx, INCIDENTS_CONSUMER, event.id, clock.now()))) continue;
        for (const post of event.payload.posts) {
          const clustered = clusterPostOf(post);
          if (!clustered) continue;
          let list = byOrganisation.get(post.organisationId);
          if (!list) byOrganisation.set(post.organisationId, (list = []));
          list.push({ post: clustered, placeName: post.analysis?.location?.placeName ?? null });
        }
      }
      for (const [organisationId, posts] of byOrganisation) {
        const opened = await this.clusterInto(tx, organisationId, posts);
        await bus.publishMany(tx, 'incident.opened', opened.map((incident) => ({ payload: { incident }, organisationId })));
      }
    });
  }

  /**
   * Clusters posts into the organisation's open incidents inside `tx` and answers the incidents it
   * opened; posts already in an incident are skipped. A post marked `signalled` (a burst points at
   * it, see signal-link.ts) opens an incident whatever its priority.
   */
  async clusterInto(tx: Tx, organisationId: string, items: { post: ClusterPost & { signalled?: boolean }; placeName: string | null }[]): Promise<IncidentSummary[]> {
    const members = await memberPostIds(tx.db, organisationId, items.map((i) => i.post.id));
    const fresh = items.filter((i) => !members.has(i.post.id));
    if (fresh.length === 0) return [];
    const times = fresh.map((i) => i.post.at);
    const from = new Date(Math.min(...times) - this.cluster.maxGapMs).toISOString();
    const to = new Date(Math.max(...times) + this.cluster.maxGapMs).toISOString();
    const rows = await openIncidents(tx.db, organisationId, from, to);
    const now = this.options.clock.now();
    const result = clusterBatch(
      fresh.map((i) => i.post),
      rows.map(stateOf),
      () => newId(now.getTime()),
      this.cluster,
    );
    const existing = new Map(rows.map((r) => [r.id, r]));
    const placeOf = new Map(fresh.map((i) => [i.post.id, i.placeName]));
    const byId = new Map(result.states.map((s) => [s.id, s]));
    const opened: IncidentSummary[] = [];
    for (const id of result.changed) {
      const state = byId.get(id)!;
      const row = existing.get(id);
      const firstPlace = result.assignments.find((a) => a.incidentId === id && placeOf.get(a.postId))?.postId;
      const placeName = row?.place_name ?? (firstPlace ? placeOf.get(firstPlace)! : null);
      if (row) {
        await tx.db.updateTable('incidents').set({ ...stateColumns(state), place_name: placeName, updated_at: now.toISOString() }).where('id', '=', id).execute();
      } else {
        const inserted: IncidentRow = {
          id,
          organisation_id: organisationId,
          ...stateColumns(state),
          place_name: placeName,
          signal_ids: '[]',
          merged_into: null,
          verdict: null,
          verdict_note: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        };
        await tx.db.insertInto('incidents').values(inserted).execute();
        opened.push(toSummary(inserted));
      }
    }
    const posts = new Map(fresh.map((i) => [i.post.id, i.post]));
    const values = result.assignments.map((a) => {
      const p = posts.get(a.postId)!;
      return { organisation_id: organisationId, post_id: p.id, incident_id: a.incidentId, created_at: new Date(p.at).toISOString(), lat: p.lat, lon: p.lon, category: p.category, priority: p.priority, terms: JSON.stringify(p.terms) };
    });
    for (let i = 0; i < values.length; i += 200) await tx.db.insertInto('incident_posts').values(values.slice(i, i + 200)).execute();
    return opened;
  }

  /** Incidents, most recently active first, each with posts per minute over its last hour. */
  async list(query: IncidentQuery): Promise<(IncidentSummary & { sparkline: number[] })[]> {
    const rows = await queryIncidents(this.options.database.db, query);
    const times = await memberTimes(this.options.database.db, rows.map((r) => r.id));
    return rows.map((row) => {
      const series = perMinute(times.get(row.id) ?? []).map((m) => m.count);
      return { ...toSummary(row), sparkline: series.slice(-SPARKLINE_MINUTES) };
    });
  }

  async get(organisationId: string, id: string): Promise<IncidentDetail> {
    const db = this.options.database.db;
    const row = await this.require(organisationId, id);
    const times = (await memberTimes(db, [id])).get(id) ?? [];
    return { ...toSummary(row), timeline: perMinute(times), members: await memberPosts(db, organisationId, id, DETAIL_MEMBERS) };
  }

  async setStatus(organisationId: string, id: string, status: IncidentStatus, actor: string): Promise<IncidentSummary> {
    return this.options.database.transaction(async (tx) => {
      const row = await this.require(organisationId, id, tx);
      if (row.merged_into) throw conflict('INCIDENT_MERGED', 'This incident was merged into another; change that one.');
      const from = row.status as IncidentStatus;
      if (from === status) return toSummary(row);
      if (!STATUS_TRANSITIONS[from].includes(status)) throw conflict('INVALID_STATUS_CHANGE', `An incident cannot go from ${from} to ${status}.`);
      const updatedAt = this.options.clock.now().toISOString();
      await tx.db.updateTable('incidents').set({ status, updated_at: updatedAt }).where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'incident.status', subjectType: 'incident', subjectId: id, data: { from, to: status } });
      await this.options.bus.publish(tx, 'incident.changed', { incidentId: id, change: 'status', status, by: actor }, { organisationId });
      return toSummary({ ...row, status, updated_at: updatedAt });
    });
  }

  /** Moves the members of `mergedIds` into `survivorId`; each merged incident points to the survivor. */
  async merge(organisationId: string, survivorId: string, mergedIds: readonly string[], actor: string): Promise<IncidentSummary> {
    const others = [...new Set(mergedIds)].filter((id) => id !== survivorId);
    if (others.length === 0) throw invalid('NOTHING_TO_MERGE', 'Name at least one other incident to merge.');
    return this.options.database.transaction(async (tx) => {
      const survivor = await this.require(organisationId, survivorId, tx);
      if (survivor.merged_into) throw conflict('INCIDENT_MERGED', 'The surviving incident was itself merged into another.');
      const now = this.options.clock.now().toISOString();
      const signals = new Set(JSON.parse(survivor.signal_ids) as string[]);
      for (const id of others) {
        const other = await this.require(organisationId, id, tx);
        if (other.merged_into) throw conflict('INCIDENT_MERGED', `Incident ${id} was already merged.`);
        for (const s of JSON.parse(other.signal_ids) as string[]) signals.add(s);
        await tx.db.updateTable('incident_posts').set({ incident_id: survivorId }).where('incident_id', '=', id).execute();
        await tx.db.updateTable('incidents').set({ merged_into: survivorId, post_count: 0, located_count: 0, updated_at: now }).where('id', '=', id).execute();
        await this.options.bus.publish(tx, 'incident.changed', { incidentId: id, change: 'merged', status: other.status as IncidentStatus, by: actor }, { organisationId });
      }
      const state = await this.rebuild(tx, survivor);
      const row: IncidentRow = { ...survivor, ...stateColumns(state!), signal_ids: JSON.stringify([...signals]), updated_at: now };
      await tx.db.updateTable('incidents').set(row).where('id', '=', survivorId).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'incident.merge', subjectType: 'incident', subjectId: survivorId, data: { merged: others } });
      await this.options.bus.publish(tx, 'incident.changed', { incidentId: survivorId, change: 'merged', status: row.status as IncidentStatus, by: actor }, { organisationId });
      return toSummary(row);
    });
  }

  /** Moves the given member posts into a new incident (status new); answers the new incident. */
  async split(organisationId: string, id: string, postIds: readonly string[], actor: string): Promise<IncidentSummary> {
    const chosen = new Set(postIds);
    if (chosen.size === 0) throw invalid('NOTHING_TO_SPLIT', 'Choose at least one post to split off.');
    return this.options.database.transaction(async (tx) => {
      const row = await this.require(organisationId, id, tx);
      if (row.merged_into) throw conflict('INCIDENT_MERGED', 'This incident was merged into another; split that one.');
      const members = await membersOf(tx.db, id);
      const moving = members.filter((m) => chosen.has(m.post_id));
      if (moving.length !== chosen.size) throw invalid('NOT_A_MEMBER', 'Some of the posts do not belong to this incident.');
      if (moving.length === members.length) throw invalid('SPLIT_ALL', 'Splitting off every post would leave the incident empty.');
      const now = this.options.clock.now();
      const newIncidentId = newId(now.getTime());
      const split = rebuildState({ id: newIncidentId, status: 'new' }, moving.map(memberOf))!;
      const kept = rebuildState({ id, status: row.status as IncidentStatus }, members.filter((m) => !chosen.has(m.post_id)).map(memberOf))!;
      const created: IncidentRow = {
        id: newIncidentId,
        organisation_id: organisationId,
        ...stateColumns(split),
        place_name: row.place_name,
        signal_ids: '[]',
        merged_into: null,
        verdict: null,
        verdict_note: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await tx.db.insertInto('incidents').values(created).execute();
      await tx.db.updateTable('incident_posts').set({ incident_id: newIncidentId }).where('incident_id', '=', id).where('post_id', 'in', [...chosen]).execute();
      await tx.db.updateTable('incidents').set({ ...stateColumns(kept), updated_at: now.toISOString() }).where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'incident.split', subjectType: 'incident', subjectId: id, data: { into: newIncidentId, posts: moving.length } });
      await this.options.bus.publish(tx, 'incident.changed', { incidentId: id, change: 'split', status: row.status as IncidentStatus, by: actor }, { organisationId });
      await this.options.bus.publish(tx, 'incident.opened', { incident: toSummary(created) }, { organisationId });
      return toSummary(created);
    });
  }

  /**
   * Records a verification answer on the incident. A confirmation also confirms an
   * incident that is still new or monitored; a denial or "unverifiable" leaves the status to the analyst.
   */
  private async applyVerdict(tx: Tx, organisationId: string, id: string, answer: string, note: string | null, by: string): Promise<void> {
    const row = await findIncident(tx.db, organisationId, id);
    if (!row) return;
    const status: IncidentStatus = answer === 'confirmed' && (row.status === 'new' || row.status === 'monitoring') ? 'confirmed' : (row.status as IncidentStatus);
    await tx.db.updateTable('incidents').set({ verdict: answer, verdict_note: note, status, updated_at: this.options.clock.now().toISOString() }).where('id', '=', id).execute();
    await this.options.bus.publish(tx, 'incident.changed', { incidentId: id, change: 'verdict', status, by }, { organisationId });
  }

  private async rebuild(tx: Tx, row: IncidentRow): Promise<ClusterState | null> {
    const members = await membersOf(tx.db, row.id);
    return rebuildState(stateOf(row), members.map(memberOf));
  }

  private async require(organisationId: string, id: string, tx?: Tx): Promise<IncidentRow> {
    const row = await findIncident(tx?.db ?? this.options.database.db, organisationId, id);
    if (!row) throw notFound('INCIDENT_NOT_FOUND', 'No such incident in this organisation.');
    return row;
  }
}

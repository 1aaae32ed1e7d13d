import type { Clock } from '#core/clock.ts';
import { forbidden, invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Channel, ChannelKind, MessageReference } from '../channels/channel.ts';
import '../events.ts';
import * as lifecycle from '../lifecycle.ts';
import { resolveArea } from '../targeting/area.ts';
import type { Municipalities } from '../targeting/municipalities.ts';
import { parseDraft, type DraftInput, type Message, type MessageContents } from './message.ts';
import { findMessage, findMessageById, getMessage, insertMessage, listMessages, replaceMessage, type MessageListFilter } from './message-store.ts';
import type { OutgoingContext } from './outgoing.ts';
import { blockingProblems, previewMessage, type MessagePreview } from './previews.ts';

export const PUBLISH_JOB = 'send.publish';

/** Who acts: the audit actor (`user:<id>`, `token:<id>`) and what they may do. */
export interface Actor {
  id: string;
  permissions: readonly string[];
}

export interface MessageServiceOptions {
  database: Database;
  bus: EventBus;
  audit: AuditLog;
  jobs: JobRunner;
  clock: Clock;
  channels: ReadonlyMap<ChannelKind, Channel>;
  municipalities: Municipalities;
  publicUrl: string;
  /** The organisation's display name (CAP senderName, email From name). */
  organisationName(organisationId: string): Promise<string>;
}

/**
 * Messages and their lifecycle (SPEC S3): drafts, four-eyes approval, the audited emergency
 * bypass, scheduling through the persistent job runner, publication, and Update/Cancel follow-ups
 * that supersede what went out. Every change is written with its audit record (G2) and its
 * events in one transaction.
 */
export class MessageService {
  constructor(private readonly options: MessageServiceOptions) {}

  async create(organisationId: string, input: DraftInput, actor: Actor): Promise<Message> {
    const message = this.newMessage(organisationId, newId(), input, actor, {});
    await this.options.database.transaction(async (tx) => {
      await insertMessage(tx.db, message);
      await this.record(tx, message, actor, 'message.create', {});
    });
    return message;
  }

  /** A new message row: a draft unless `state` says otherwise. */
  private newMessage(organisationId: string, id: string, input: DraftInput, actor: Actor, state: Partial<Message>): Message {
    const now = this.nowIso();
    return {
      ...this.draftFields(input),
      id,
      organisationId,
      status: 'draft',
      msgType: 'Alert',
      referencesId: null,
      author: actor.id,
      submittedBy: null,
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      emergency: false,
      emergencyReason: null,
      rejectionReason: null,
      publishedAt: null,
      supersededBy: null,
      revision: 1,
      createdAt: now,
      updatedAt: now,
      ...state,
    };
  }

  /**
   * Publishes at once a message whose four eyes were applied elsewhere: an appeal, which an operator
   * with `appeals:manage` issues from the control room the way Burgernet actions go out, and its
   * closing message (an Update of the appeal's message, so it reaches everyone who received it).
   * Idempotent on the id the caller chose: asking again returns the stored message.
   */
  async publishOperational(organisationId: string, id: string, input: DraftInput, options: { referencesId: string | null; actor: Actor; reason: string }): Promise<Message> {
    const existing = await findMessage(this.options.database.db, organisationId, id);
    if (existing) return existing;
    const now = this.nowIso();
    const by = options.actor.id;
    const message = this.newMessage(organisationId, id, input, options.actor, {
      status: 'published',
      msgType: options.referencesId ? 'Update' : 'Alert',
      referencesId: options.referencesId,
      submittedBy: by,
      submittedAt: now,
      approvedBy: by,
      approvedAt: now,
      publishedAt: now,
    });
    await this.options.database.transaction(async (tx) => {
      await insertMessage(tx.db, message);
      await this.record(tx, message, options.actor, 'message.operational_publish', { reason: options.reason });
      await this.published(tx, message, options.actor);
    });
    return message;
  }

  async get(organisationId: string, id: string): Promise<Message> {
    return getMessage(this.options.database.db, organisationId, id);
  }

  async list(filter: MessageListFilter): Promise<Message[]> {
    return listMessages(this.options.database.db, filter);
  }

  /** Changes a draft; fields left out keep their value. */
  async editDraft(organisationId: string, id: string, changes: Partial<DraftInput>, actor: Actor): Promise<Message> {
    return this.change(organisationId, id, actor, 'message.edit', (m) => {
      lifecycle.assertEditable(this.view(m));
      const merged = parseDraft({ ...this.inputOf(m), ...changes });
      return { next: { ...m, ...this.draftFields(merged), rejectionReason: null }, data: { fields: Object.keys(changes) } };
    });
  }

  async submit(organisationId: string, id: string, actor: Actor): Promise<Message> {
    return this.change(organisationId, id, actor, 'message.submit', async (m) => {
      const t = lifecycle.submit(this.view(m));
      await this.assertPublishable(m);
      return { next: { ...m, status: t.state, submittedBy: actor.id, submittedAt: this.nowIso(), rejectionReason: null }, data: {} };
    });
  }

  /** Four eyes: someone with messages:approve who is not the author. */
  async approve(organisationId: string, id: string, actor: Actor): Promise<Message> {
    return this.change(organisationId, id, actor, 'message.approve', async (m) => {
      const t = lifecycle.approve(this.view(m), actor.id, this.options.clock.now());
      await this.assertPublishable(m);
      return { next: { ...m, status: t.state, approvedBy: actor.id, approvedAt: this.nowIso() }, data: { author: m.author }, publish: t.publishNow };
    });
  }

  async reject(organisationId: string, id: string, reason: string, actor: Actor): Promise<Message> {
    return this.change(organisationId, id, actor, 'message.reject', (m) => {
      const t = lifecycle.reject(this.view(m), reason);
      return { next: { ...m, status: t.state, rejectionReason: reason.trim(), submittedBy: null, submittedAt: null }, data: { reason: reason.trim() } };
    });
  }

  /**
   * The emergency bypass: a coordinator publishes without a second person. Loud by design: it
   * needs a reason, is audited under its own action, and the message carries the flag for good.
   */
  async emergencyPublish(organisationId: string, id: string, reason: string, actor: Actor): Promise<Message> {
    return this.change(organisationId, id, actor, 'message.emergency_publish', async (m) => {
      const t = lifecycle.emergencyPublish(this.view(m), reason, this.options.clock.now());
      await this.assertPublishable(m);
      const now = this.nowIso();
      return {
        next: { ...m, status: t.state, emergency: true, emergencyReason: reason.trim(), approvedBy: actor.id, approvedAt: now, submittedBy: m.submittedBy ?? actor.id, submittedAt: m.submittedAt ?? now },
        data: { reason: reason.trim(), author: m.author },
        publish: t.publishNow,
      };
    });
  }

  async schedule(organisationId: string, id: string, at: string, actor: Actor): Promise<Message> {
    return this.change(organisationId, id, actor, 'message.schedule', (m) => {
      if (m.status === 'scheduled' && !actor.permissions.includes('messages:approve')) {
        throw forbidden('PERMISSION_DENIED', 'Moving an approved message needs the permission messages:approve.');
      }
      const t = lifecycle.reschedule(this.view(m), new Date(at), this.options.clock.now());
      return { next: { ...m, status: t.state, scheduledFor: new Date(at).toISOString() }, data: { at } };
    });
  }

  /** Cancel: a message not yet out is discarded; a published one gets a Cancel draft (which needs approval). */
  async cancel(organisationId: string, id: string, input: { reason?: string; content?: MessageContents }, actor: Actor): Promise<Message> {
    const current = await this.get(organisationId, id);
    if (current.status !== 'published' && current.status !== 'updated' && current.status !== 'cancelled') {
      return this.change(organisationId, id, actor, 'message.discard', (m) => {
        const t = lifecycle.discard(this.view(m));
        return { next: { ...m, status: t.state }, data: { reason: input.reason ?? null } };
      });
    }
    lifecycle.assertCanFollowUp(this.view(current));
    const content = input.content ?? cancelContent(current.content, input.reason);
    return this.followUp(current, 'Cancel', { content }, actor);
  }

  /** An Update draft that copies the published message, with the given changes. */
  async createUpdate(organisationId: string, id: string, changes: Partial<DraftInput>, actor: Actor): Promise<Message> {
    const current = await this.get(organisationId, id);
    lifecycle.assertCanFollowUp(this.view(current));
    return this.followUp(current, 'Update', changes, actor);
  }

  /** The job handler: publishes a scheduled message whose time has come (a no-op otherwise). */
  async publishScheduled(messageId: string): Promise<void> {
    const message = await findMessageById(this.options.database.db, messageId);
    if (!message) return;
    const system: Actor = { id: 'system', permissions: [] };
    await this.change(message.organisationId, messageId, system, 'message.publish', (m) => {
      const t = lifecycle.publishDue(this.view(m), this.options.clock.now());
      if (!t) return null;
      return { next: { ...m, status: t.state }, data: { scheduledFor: m.scheduledFor }, publish: true };
    });
  }

  /** Every chosen channel's text in every language, with its problems. */
  async previews(message: Message): Promise<MessagePreview[]> {
    return previewMessage(message, this.options.channels, await this.outgoingContext(message));
  }

  /** How channels see the message: sender, links, sent time and the reference of an Update/Cancel. */
  async outgoingContext(message: Message): Promise<OutgoingContext> {
    const references: MessageReference[] = [];
    if (message.referencesId) {
      const earlier = await findMessage(this.options.database.db, message.organisationId, message.referencesId);
      if (earlier?.publishedAt) references.push({ messageId: earlier.id, sentAt: earlier.publishedAt });
    }
    return {
      senderName: await this.options.organisationName(message.organisationId),
      publicUrl: this.options.publicUrl,
      sentAt: message.publishedAt ?? this.nowIso(),
      references,
    };
  }

  private async followUp(original: Message, msgType: 'Update' | 'Cancel', changes: Partial<DraftInput>, actor: Actor): Promise<Message> {
    const input = parseDraft({ ...this.inputOf(original), scheduledFor: null, ...changes });
    const now = this.nowIso();
    const message: Message = {
      ...this.draftFields(input),
      id: newId(),
      organisationId: original.organisationId,
      status: 'draft',
      msgType,
      referencesId: original.id,
      author: actor.id,
      submittedBy: null,
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      emergency: false,
      emergencyReason: null,
      rejectionReason: null,
      publishedAt: null,
      supersededBy: null,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.options.database.transaction(async (tx) => {
      await insertMessage(tx.db, message);
      await this.record(tx, message, actor, msgType === 'Update' ? 'message.create_update' : 'message.create_cancel', { references: original.id });
    });
    return message;
  }

  /**
   * Loads, applies `decide`, and writes the result with compare-and-set, its audit record and
   * events in one transaction; schedules the publish job or stages `message.published` as needed.
   */
  private async change(
    organisationId: string,
    id: string,
    actor: Actor,
    action: string,
    decide: (m: Message) => Promise<Decision | null> | Decision | null,
  ): Promise<Message> {
    const current = await this.get(organisationId, id);
    const decision = await decide(current);
    if (!decision) return current;
    const next: Message = { ...decision.next, revision: current.revision + 1, updatedAt: this.nowIso() };
    if (decision.publish) next.publishedAt = this.nowIso();
    await this.options.database.transaction(async (tx) => {
      await replaceMessage(tx.db, next);
      await this.record(tx, next, actor, action, { ...decision.data, from: current.status, to: next.status });
      if (next.status === 'scheduled' && next.scheduledFor && (current.status !== 'scheduled' || current.scheduledFor !== next.scheduledFor)) {
        await this.options.jobs.schedule({ kind: PUBLISH_JOB, runAt: new Date(next.scheduledFor), payload: { messageId: next.id }, dedupeKey: `${PUBLISH_JOB}:${next.id}:${next.scheduledFor}` }, tx);
      }
      if (decision.publish) await this.published(tx, next, actor);
    });
    return next;
  }

  /** The original of an Update/Cancel is superseded in the same transaction as the publication. */
  private async published(tx: Tx, message: Message, actor: Actor): Promise<void> {
    if (message.referencesId) {
      const original = await findMessage(tx.db, message.organisationId, message.referencesId);
      if (!original) throw notFound('MESSAGE_NOT_FOUND', 'The message this one refers to no longer exists.');
      lifecycle.assertCanFollowUp(this.view(original));
      const superseded: Message = {
        ...original,
        status: lifecycle.supersededState(message.msgType === 'Cancel' ? 'Cancel' : 'Update'),
        supersededBy: message.id,
        revision: original.revision + 1,
        updatedAt: this.nowIso(),
      };
      await replaceMessage(tx.db, superseded);
      await this.record(tx, superseded, actor, 'message.supersede', { by: message.id, msgType: message.msgType });
    }
    if (message.status === 'published') {
      await this.options.bus.publish(tx, 'message.published', { messageId: message.id, msgType: message.msgType, exercise: message.exercise }, { organisationId: message.organisationId });
      await this.record(tx, message, actor, 'message.published', { msgType: message.msgType, exercise: message.exercise, emergency: message.emergency });
    }
  }

  private async record(tx: Tx, message: Message, actor: Actor, action: string, data: Record<string, unknown>): Promise<void> {
    await this.options.audit.append(tx, { organisationId: message.organisationId, actor: actor.id, action, subjectType: 'message', subjectId: message.id, data });
    await this.options.bus.publish(tx, 'message.changed', { messageId: message.id, status: message.status }, { organisationId: message.organisationId });
  }

  private async assertPublishable(message: Message): Promise<void> {
    const problems = blockingProblems(await this.previews(message));
    if (problems.length > 0) {
      const first = problems[0]!;
      throw invalid('CHANNEL_PROBLEMS', `Not ready to publish: ${first.channel} (${first.language}): ${first.problems[0]}`, { channelProblems: problems });
    }
  }

  private draftFields(input: DraftInput): Pick<Message, 'category' | 'urgency' | 'severity' | 'certainty' | 'exercise' | 'topics' | 'channels' | 'content' | 'area' | 'scheduledFor' | 'expiresAt'> {
    const area = input.area ? resolveArea(input.area, this.options.municipalities) : null;
    const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor).toISOString() : null;
    const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
    if (expiresAt && Date.parse(expiresAt) <= Date.parse(scheduledFor ?? this.nowIso())) {
      throw invalid('INVALID_EXPIRY', 'The message must expire after it goes out.');
    }
    return {
      category: input.category,
      urgency: input.urgency,
      severity: input.severity,
      certainty: input.certainty,
      exercise: input.exercise,
      topics: [...new Set(input.topics)],
      channels: [...new Set(input.channels)],
      content: input.content,
      area: area ? { input: area.input, description: area.description, geometry: area.geometry } : null,
      scheduledFor,
      expiresAt,
    };
  }

  private inputOf(m: Message): DraftInput {
    return {
      category: m.category,
      urgency: m.urgency,
      severity: m.severity,
      certainty: m.certainty,
      exercise: m.exercise,
      topics: m.topics,
      channels: m.channels,
      content: m.content,
      area: m.area?.input ?? null,
      scheduledFor: m.scheduledFor,
      expiresAt: m.expiresAt,
    };
  }

  private view(m: Message): lifecycle.LifecycleView {
    return { state: m.status, author: m.author, scheduledFor: m.scheduledFor };
  }

  private nowIso(): string {
    return this.options.clock.now().toISOString();
  }
}

interface Decision {
  next: Message;
  data: Record<string, unknown>;
  publish?: boolean;
}

/** The default text of a Cancel: the original headline (channels label it as cancelled), and the reason. */
export function cancelContent(original: MessageContents, reason: string | undefined): MessageContents {
  const why = reason?.trim() ? ` ${reason.trim()}` : '';
  const nl = { headline: original.nl.headline, body: `Dit bericht is ingetrokken.${why}` };
  if (!original.en) return { nl };
  return { nl, en: { headline: original.en.headline, body: `This message has been withdrawn.${why}` } };
}

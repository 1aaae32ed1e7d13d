import { conflict, forbidden, invalid } from '#core/errors.ts';

/**
 * The lifecycle of a public message (SPEC S3), as pure rules: state in, state out, or a domain
 * error. The service applies the result in one transaction with its audit record and event.
 *
 *   draft ──submit──► pending_approval ──approve (another person)──► scheduled ──due──► published
 *     ▲                     │  └────────────────────────────────────────────────────────► published
 *     └──────reject─────────┘
 *   draft | pending_approval ──emergency publish (coordinator, reason, audited)──► scheduled | published
 *   published ──an Update / Cancel message is published──► updated | cancelled   (CAP msgType)
 *   anything not yet published ──cancel──► discarded
 *
 * A published message is never edited: corrections go out as a new message that references it,
 * as CAP and the approval systems we studied (SAMBRO) do.
 */
export const MESSAGE_STATES = ['draft', 'pending_approval', 'scheduled', 'published', 'updated', 'cancelled', 'discarded'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** The emergency bypass needs a reason someone can later judge; a word or two is not one. */
export const MIN_EMERGENCY_REASON = 10;
export const MIN_REJECTION_REASON = 3;

/** What the rules look at. */
export interface LifecycleView {
  state: MessageState;
  /** Actor who wrote the message (`user:<id>` or `token:<id>`). */
  author: string;
  scheduledFor: string | null;
}

export interface Transition {
  state: MessageState;
  /** True when the message goes out now (the service stages `message.published`). */
  publishNow: boolean;
}

function requireState(view: LifecycleView, allowed: readonly MessageState[], action: string): void {
  if (!allowed.includes(view.state)) {
    throw conflict('MESSAGE_STATE', `A message that is ${view.state.replace('_', ' ')} cannot be ${action}.`);
  }
}

/** Where an approved message goes: out now, or to the schedule when its time lies ahead. */
function release(view: LifecycleView, now: Date): Transition {
  if (view.scheduledFor !== null && Date.parse(view.scheduledFor) > now.getTime()) return { state: 'scheduled', publishNow: false };
  return { state: 'published', publishNow: true };
}

export function canEdit(view: LifecycleView): boolean {
  return view.state === 'draft';
}

export function assertEditable(view: LifecycleView): void {
  requireState(view, ['draft'], 'edited (only drafts can; send an update instead)');
}

export function submit(view: LifecycleView): Transition {
  requireState(view, ['draft'], 'submitted for approval');
  return { state: 'pending_approval', publishNow: false };
}

/** Four eyes: the approver is someone other than the author. */
export function approve(view: LifecycleView, approver: string, now: Date): Transition {
  requireState(view, ['pending_approval'], 'approved');
  if (approver === view.author) {
    throw forbidden('FOUR_EYES', 'The author cannot approve their own message; another coordinator must (or use the emergency bypass).');
  }
  return release(view, now);
}

export function reject(view: LifecycleView, reason: string): Transition {
  requireState(view, ['pending_approval'], 'rejected');
  if (reason.trim().length < MIN_REJECTION_REASON) throw invalid('REASON_REQUIRED', 'Say why the message is rejected.');
  return { state: 'draft', publishNow: false };
}

/** The emergency bypass: publishes without a second person, only with a stated reason. */
export function emergencyPublish(view: LifecycleView, reason: string, now: Date): Transition {
  requireState(view, ['draft', 'pending_approval'], 'published by the emergency bypass');
  if (reason.trim().length < MIN_EMERGENCY_REASON) {
    throw invalid('REASON_REQUIRED', `The emergency bypass needs a reason of at least ${MIN_EMERGENCY_REASON} characters.`);
  }
  return release(view, now);
}

/** A scheduled message whose time has come. Returns null when it is not (or no longer) due. */
export function publishDue(view: LifecycleView, now: Date): Transition | null {
  if (view.state !== 'scheduled') return null;
  if (view.scheduledFor !== null && Date.parse(view.scheduledFor) > now.getTime()) return null;
  return { state: 'published', publishNow: true };
}

/** Setting the time: drafts and messages awaiting approval; a scheduled message stays scheduled. */
export function reschedule(view: LifecycleView, at: Date, now: Date): Transition {
  requireState(view, ['draft', 'pending_approval', 'scheduled'], 'rescheduled');
  if (at.getTime() <= now.getTime() && view.state === 'scheduled') {
    throw invalid('SCHEDULE_IN_PAST', 'A scheduled message can only be moved to a time ahead.');
  }
  return { state: view.state, publishNow: false };
}

/** Withdrawing a message that has not gone out. */
export function discard(view: LifecycleView): Transition {
  requireState(view, ['draft', 'pending_approval', 'scheduled'], 'discarded');
  return { state: 'discarded', publishNow: false };
}

/** Only the newest published message of a chain can get an Update or a Cancel. */
export function assertCanFollowUp(view: LifecycleView): void {
  if (view.state === 'updated' || view.state === 'cancelled') {
    throw conflict('MESSAGE_SUPERSEDED', 'This message was already updated or cancelled; follow up on the newest message instead.');
  }
  requireState(view, ['published'], 'updated or cancelled (it has not been published; edit or discard it instead)');
}

/** What a published original becomes once its Update or Cancel is published. */
export function supersededState(msgType: 'Update' | 'Cancel'): MessageState {
  return msgType === 'Update' ? 'updated' : 'cancelled';
}

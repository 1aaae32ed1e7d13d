import { describe, expect, it } from 'vitest';
import { isAppError } from '#core/errors.ts';
import * as lifecycle from '#send/lifecycle.ts';

const now = new Date('2026-07-04T20:00:00Z');
const draft: lifecycle.LifecycleView = { state: 'draft', author: 'user:a', scheduledFor: null };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('message lifecycle', () => {
  it('goes draft → pending approval → published when another person approves', () => {
    expect(lifecycle.submit(draft)).toEqual({ state: 'pending_approval', publishNow: false });
    expect(lifecycle.approve({ ...draft, state: 'pending_approval' }, 'user:b', now)).toEqual({ state: 'published', publishNow: true });
  });

  it('refuses the author as approver (four eyes)', () => {
    expect(codeOf(() => lifecycle.approve({ ...draft, state: 'pending_approval' }, 'user:a', now))).toBe('FOUR_EYES');
  });

  it('schedules an approved message whose time lies ahead, and publishes it once due', () => {
    const view = { ...draft, state: 'pending_approval' as const, scheduledFor: '2026-07-04T21:00:00Z' };
    expect(lifecycle.approve(view, 'user:b', now)).toEqual({ state: 'scheduled', publishNow: false });
    const scheduled = { ...view, state: 'scheduled' as const };
    expect(lifecycle.publishDue(scheduled, now)).toBeNull();
    expect(lifecycle.publishDue(scheduled, new Date('2026-07-04T21:00:00Z'))).toEqual({ state: 'published', publishNow: true });
    expect(lifecycle.publishDue({ ...scheduled, state: 'discarded' }, new Date('2026-07-05T00:00:00Z'))).toBeNull();
  });

  it('sends a rejected message back to draft, with a reason', () => {
    expect(lifecycle.reject({ ...draft, state: 'pending_approval' }, 'tekst klopt niet')).toEqual({ state: 'draft', publishNow: false });
    expect(codeOf(() => lifecycle.reject({ ...draft, state: 'pending_approval' }, ''))).toBe('REASON_REQUIRED');
  });

  it('lets the emergency bypass publish a draft without a second person, only with a reason', () => {
    expect(lifecycle.emergencyPublish(draft, 'Directe dreiging, geen tweede coördinator bereikbaar', now)).toEqual({ state: 'published', publishNow: true });
    expect(codeOf(() => lifecycle.emergencyPublish(draft, 'snel', now))).toBe('REASON_REQUIRED');
    expect(codeOf(() => lifecycle.emergencyPublish({ ...draft, state: 'published' }, 'Directe dreiging, geen tweede coördinator', now))).toBe('MESSAGE_STATE');
  });

  it('never edits what went out: only drafts are editable; published messages get follow-ups', () => {
    expect(lifecycle.canEdit(draft)).toBe(true);
    for (const state of ['pending_approval', 'scheduled', 'published', 'updated', 'cancelled', 'discarded'] as const) {
      expect(lifecycle.canEdit({ ...draft, state })).toBe(false);
    }
    expect(() => lifecycle.assertCanFollowUp({ ...draft, state: 'published' })).not.toThrow();
    expect(codeOf(() => lifecycle.assertCanFollowUp({ ...draft, state: 'updated' }))).toBe('MESSAGE_SUPERSEDED');
    expect(codeOf(() => lifecycle.assertCanFollowUp(draft))).toBe('MESSAGE_STATE');
    expect(lifecycle.supersededState('Update')).toBe('updated');
    expect(lifecycle.supersededState('Cancel')).toBe('cancelled');
  });

  it('discards only what has not gone out', () => {
    expect(lifecycle.discard({ ...draft, state: 'scheduled' })).toEqual({ state: 'discarded', publishNow: false });
    expect(codeOf(() => lifecycle.discard({ ...draft, state: 'published' }))).toBe('MESSAGE_STATE');
  });
});

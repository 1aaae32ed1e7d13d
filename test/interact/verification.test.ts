import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BusEvent } from '#platform/bus/events.ts';
import '#interact/verification/events.ts';
import { canAnswer } from '#interact/verification/verification-service.ts';
import { permissionsOf } from '#platform/auth/permissions.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

it('gives field officers (and admins) the right to answer tasks, and no other staff role', () => {
  expect(permissionsOf(['field_officer'])).toEqual(['posts:read', 'tasks:answer']);
  expect(canAnswer({ roles: ['field_officer'], disabled: false })).toBe(true);
  expect(canAnswer({ roles: ['field_officer'], disabled: true })).toBe(false);
  expect(canAnswer({ roles: ['analyst', 'coordinator', 'viewer'], disabled: false })).toBe(false);
  expect(canAnswer({ roles: ['admin'], disabled: false })).toBe(true);
  expect(canAnswer({ roles: ['unknown-role'], disabled: false })).toBe(false);
});

describeEachStore('verification tasks: create, list, answer once, answered event', (store) => {
  let t: TestContext;
  let a: Seeded;
  let officer: { id: string };
  const answered: BusEvent<'verification.answered'>[] = [];

  beforeAll(async () => {
    t = await createTestContext(store);
    t.ctx.bus.subscribe('test.answered', ['verification.answered'], async (events) => void answered.push(...events));
    await t.ctx.bus.start();
    a = await seedOrganisation(t.ctx, ['analyst']);
    officer = await t.ctx.accounts.createUser({ organisationId: a.organisationId, email: `fo-${store}@example.nl`, name: 'Veldwerker', password: 'a long enough password', roles: ['field_officer'] }, 'test');
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a task for a field officer, who answers it once; the answer is announced', async () => {
    const verification = t.ctx.incidents.verification;
    const other = await seedOrganisation(t.ctx, ['field_officer']);
    await expect(verification.assignee(a.organisationId, other.userId)).rejects.toMatchObject({ code: 'UNKNOWN_ASSIGNEE' });
    await expect(verification.assignee(a.organisationId, a.userId)).rejects.toMatchObject({ code: 'ASSIGNEE_CANNOT_ANSWER' });
    const assignee = await verification.assignee(a.organisationId, officer.id);
    const task = await t.ctx.database.transaction((tx) =>
      verification.create(tx, { organisationId: a.organisationId, subjectType: 'incident', subjectId: 'incident-1', question: 'Klopt het dat de uitgang dicht is?', assignee }, 'user:x'),
    );
    expect(task).toMatchObject({ status: 'open', answer: null, assigneeId: officer.id });
    expect((await verification.list({ organisationId: a.organisationId, assigneeId: officer.id, status: 'open', limit: 10 })).map((x) => x.id)).toEqual([task.id]);
    await expect(verification.answer(a.organisationId, task.id, { answer: 'confirmed' }, { userId: a.userId, actor: `user:${a.userId}` })).rejects.toMatchObject({ code: 'NOT_THE_ASSIGNEE' });
    await expect(verification.answer(other.organisationId, task.id, { answer: 'confirmed' }, { userId: officer.id, actor: 'x' })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    const done = await verification.answer(a.organisationId, task.id, { answer: 'unverifiable', note: '  Niet bij te komen.  ' }, { userId: officer.id, actor: `user:${officer.id}` });
    expect(done).toMatchObject({ status: 'answered', answer: 'unverifiable', note: 'Niet bij te komen.', answeredBy: `user:${officer.id}` });
    await expect(verification.answer(a.organisationId, task.id, { answer: 'denied' }, { userId: officer.id, actor: 'x' })).rejects.toMatchObject({ code: 'TASK_ANSWERED' });
    await waitFor(() => answered.some((e) => e.payload.task.id === task.id), 'verification.answered');
    expect(answered.filter((e) => e.payload.task.id === task.id)).toHaveLength(1);
  });
});

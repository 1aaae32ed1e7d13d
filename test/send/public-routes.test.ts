import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { ManualClock } from '#core/clock.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { toOutgoing } from '#send/messages/outgoing.ts';
import { capIdentifier } from '#send/cap/build-alert.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { recordingChannels } from '#test/support/recording-channel.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { buildDraft } from './builders.ts';
import { CAP_SCHEMA, xmllint } from './cap/xmllint.ts';

describeEachStore('public CAP documents, CAP index and feeds', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let coordinator: Seeded;
  let other: Seeded;
  let messageId: string;
  const base = '/api/public/organisations';

  beforeAll(async () => {
    const clock = new ManualClock('2026-07-04T21:30:00.000Z');
    t = await createTestContext(store, { clock, channels: recordingChannels(() => clock.now().getTime()).channels });
    app = await buildApp(t.ctx);
    coordinator = await seedOrganisation(t.ctx, ['coordinator'], 'Gemeente Utrecht');
    other = await seedOrganisation(t.ctx, ['coordinator'], 'Elders');
    const email = `schrijver-${Math.random().toString(36).slice(2)}@example.nl`;
    await t.ctx.accounts.createUser({ organisationId: coordinator.organisationId, email, name: 'Schrijver', password: 'correct horse battery staple', roles: ['communicator'] }, 'system');
    const author = await login(app, email, 'correct horse battery staple');
    const approver = await login(app, coordinator.email, coordinator.password);
    const created = await app.inject({ method: 'POST', url: '/api/send/messages', headers: { cookie: author }, payload: { ...buildDraft(), channels: ['mastodon'] } });
    messageId = created.json<{ id: string }>().id;
    expect((await app.inject({ method: 'POST', url: `/api/send/messages/${messageId}/submit`, headers: { cookie: author } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/send/messages/${messageId}/approve`, headers: { cookie: approver } })).statusCode).toBe(200);
    // What the CAP channel hands the store, once per language version.
    const message = await t.ctx.send.messages.get(coordinator.organisationId, messageId);
    const context = await t.ctx.send.messages.outgoingContext(message);
    for (const language of ['nl', 'en'] as const) await t.ctx.send.capStore.publish(toOutgoing(message, language, context), capIdentifier(messageId));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('serves one CAP 1.2 document per alert with an info per language, valid against the OASIS schema', async () => {
    const response = await app.inject({ method: 'GET', url: `${base}/${coordinator.organisationId}/cap/${capIdentifier(messageId)}.xml` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/cap+xml');
    expect(response.body.match(/<info>/g)).toHaveLength(2);
    expect(response.body).toContain('Het is erg druk bij de uitgang Croeselaan');
    expect(response.body).toContain('It is very crowded at the Croeselaan exit');
    const verdict = xmllint([response.body], CAP_SCHEMA);
    expect(verdict.ok, verdict.output).toBe(true);
  });

  it("lists the alert in the organisation's CAP Atom index, and in no other organisation's", async () => {
    const index = await app.inject({ method: 'GET', url: `${base}/${coordinator.organisationId}/cap/index.atom` });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`/cap/${capIdentifier(messageId)}.xml`);
    expect(xmllint([index.body]).ok).toBe(true);
    const elsewhere = await app.inject({ method: 'GET', url: `${base}/${other.organisationId}/cap/index.atom` });
    expect(elsewhere.body).not.toContain(capIdentifier(messageId));
    const stolen = await app.inject({ method: 'GET', url: `${base}/${other.organisationId}/cap/${capIdentifier(messageId)}.xml` });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.headers['content-type']).toContain('application/problem+json');
  });

  it('lists the published message in RSS, Atom and JSON Feed', async () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const response = await app.inject({ method: 'GET', url: `${base}/${coordinator.organisationId}/feeds/${file}` });
      expect(response.statusCode, file).toBe(200);
      expect(response.body, file).toContain('Het is erg druk bij de uitgang Croeselaan');
    }
    const json = await app.inject({ method: 'GET', url: `${base}/${coordinator.organisationId}/feeds/feed.json` });
    expect(json.json<{ version: string; items: unknown[] }>()).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', items: [expect.anything()] });
  });

  it('answers unknown organisations and identifiers with problem+json, never a crash', async () => {
    for (const url of [`${base}/nope/cap/index.atom`, `${base}/nope/feeds/rss.xml`, `${base}/${coordinator.organisationId}/cap/x%3Cy.xml`, `${base}/${coordinator.organisationId}/feeds/other.xml`]) {
      const response = await app.inject({ method: 'GET', url });
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
  });
});

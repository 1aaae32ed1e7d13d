import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { DEMO_AEDS, DEMO_VICTIM, DEMO_VOLUNTEERS } from '#demo/respond/registry-data.ts';
import { startRespondDemo } from '#demo/respond/index.ts';
import { arrestMoment, distanceM, legsOf, planResponder, positionAt, scaledParams, totalDurationS } from '#demo/respond/simulation.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';

describe('respond demo: simulated responders', () => {
  it('plans answers from the seed alone, with realistic shares and delays', () => {
    const plans = Array.from({ length: 400 }, (_, i) => planResponder(7, `v${i}`, 'd1'));
    expect(planResponder(7, 'v1', 'd1')).toEqual(planResponder(7, 'v1', 'd1'));
    expect(planResponder(7, 'v1', 'd1')).not.toEqual(planResponder(8, 'v1', 'd1'));
    const share = (answer: string) => plans.filter((p) => p.answer === answer).length / plans.length;
    expect(share('accept')).toBeGreaterThan(0.45);
    expect(share('accept')).toBeLessThan(0.65);
    expect(share('ignore')).toBeGreaterThan(0.1);
    for (const p of plans) {
      expect(p.answerAfterS).toBeGreaterThanOrEqual(12);
      expect(p.answerAfterS).toBeLessThanOrEqual(72);
      expect(p.speedMps).toBeGreaterThanOrEqual(1.8);
      expect(p.speedMps).toBeLessThanOrEqual(3.2);
    }
  });

  it('walks via the AED, stops there, and ends at the victim', () => {
    const aed = { lat: DEMO_AEDS[1]!.lat, lon: DEMO_AEDS[1]!.lon };
    const start = { lat: 52.0952, lon: 5.1232 };
    const legs = legsOf(start, aed, DEMO_VICTIM, { speedMps: 2, atAedS: 30 });
    expect(legs).toHaveLength(3);
    const atAed = legs[0]!.durationS;
    expect(distanceM(positionAt(legs, atAed + 10), aed)).toBeLessThan(1);
    expect(positionAt(legs, totalDurationS(legs) + 100)).toEqual(DEMO_VICTIM);
    expect(totalDurationS(legs)).toBeCloseTo(((distanceM(start, aed) + distanceM(aed, DEMO_VICTIM)) * 1.3) / 2 + 30, 5);
  });

  it('scales the dispatch timers with the demo, never below the API minimum of one second', () => {
    expect(scaledParams(10)).toEqual({ ackTimeoutMs: 18_000, waveDelayMs: 9_000, maxDurationMs: 270_000, liveFixMaxAgeMs: 60_000 });
    expect(scaledParams(1000).ackTimeoutMs).toBe(1000);
  });

  it('reads the moment of the cardiac arrest from the scenario storyline', () => {
    expect(arrestMoment([{ id: 'fire', start: '2026-07-04T18:48:00Z' }, { id: 'cardiac-arrest', start: '2026-07-04T20:41:00.000Z', officialReportAt: '2026-07-04T20:45:00.000Z' }])).toBe('2026-07-04T20:45:00.000Z');
    expect(arrestMoment({})).toBeNull();
  });

  it('keeps the synthetic registry plausible: all but two volunteers within 1 km, AEDs within 500 m of the Neude', () => {
    const far = DEMO_VOLUNTEERS.filter((v) => distanceM(v, DEMO_VICTIM) > 1000);
    expect(far.map((v) => v.ref)).toEqual(['demo-v23', 'demo-v24']);
    for (const aed of DEMO_AEDS) expect(distanceM(aed, DEMO_VICTIM)).toBeLessThan(500);
    expect(new Set(DEMO_VOLUNTEERS.map((v) => v.ref)).size).toBe(DEMO_VOLUNTEERS.length);
  });
});

describe('respond demo: a whole dispatch at high speed through the HTTP API', { timeout: 60_000 }, () => {
  let t: TestContext;
  let app: HttpApp;
  let baseUrl: string;
  const stop = new AbortController();

  beforeAll(async () => {
    t = await createTestContext('sqlite', { env: { WAAKZAAM_PDOK_URL: 'off', WAAKZAAM_POSTCODE_TABLE: './data/postcodes', WAAKZAAM_PUBLIC_RATE_LIMIT: '100000' } });
    app = await buildApp(t.ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await t.ctx.bus.start();
    t.ctx.jobs.start();
  });
  afterAll(async () => {
    stop.abort();
    await app.close();
    await t.close();
  });

  it('dispatches by postcode, responders accept, walk and arrive, nobody is alerted twice, the ambulance closes it', async () => {
    const { organisationId } = await seedOrganisation(t.ctx, ['operator']);
    const demo = await startRespondDemo(t.ctx, organisationId, { speed: 40, maxSpeed: 40, signal: stop.signal, baseUrl, trigger: 'now', ambulanceAfterS: 900 });
    expect(demo.responderLink).toMatch(/^\/citizen\/hulpverlener#token=wzr_/);
    const id = await demo.dispatchStarted;
    const outcomes = await demo.finished;

    const dispatch = await t.ctx.respond.dispatches.find(organisationId, id);
    expect(dispatch.geocodedBy).toBe('table:address');
    expect(dispatch.status).toBe('closed');
    expect(dispatch.closeReason).toBe('ems_on_scene');
    expect(dispatch.firstAcceptAt).not.toBeNull();
    expect(dispatch.firstArrivalAt).not.toBeNull();
    expect(dispatch.aedOnSceneAt).not.toBeNull();
    expect([...outcomes.values()]).toContain('arrived');

    const responders = await t.ctx.database.db.selectFrom('respond_responders').select(['volunteer_id', 'state']).where('dispatch_id', '=', id).execute();
    expect(new Set(responders.map((r) => r.volunteer_id)).size).toBe(responders.length);
    const alerted = await t.ctx.database.db.selectFrom('respond_timeline').select('volunteer_id').where('dispatch_id', '=', id).where('kind', '=', 'alerted').execute();
    expect(alerted.length).toBe(responders.length);
    expect(responders.filter((r) => r.state === 'arrived').length).toBeGreaterThanOrEqual(2);
    // The lapsed volunteer beside the victim and those beyond 1 km are never alerted.
    const refs = new Map((await t.ctx.database.db.selectFrom('respond_volunteers').select(['id', 'external_ref']).execute()).map((r) => [r.id, r.external_ref]));
    const alertedRefs = responders.map((r) => refs.get(r.volunteer_id));
    expect(alertedRefs).not.toContain('demo-v21');
    expect(alertedRefs).not.toContain('demo-v23');
    expect(alertedRefs).not.toContain('demo-v24');
    // Locations were shared while walking and forgotten on arrival.
    const live = await t.ctx.database.db.selectFrom('respond_volunteers').select(['external_ref', 'live_at']).where('live_at', 'is not', null).execute();
    expect(live).toEqual([]);
    const audit = await t.ctx.database.db.selectFrom('audit_log').select('action').where('action', '=', 'aed.cabinet_code.reveal').execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

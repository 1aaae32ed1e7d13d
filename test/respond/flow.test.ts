import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import { destination } from '#respond/geo.ts';
import type { VolunteerInput } from '#respond/registry-schemas.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { VICTIM } from './builders.ts';

const near = (metres: number, bearing = 0) => destination(VICTIM, metres, bearing);

function volunteer(metres: number, bearing = 0, extra: Partial<VolunteerInput> = {}): VolunteerInput {
  const p = near(metres, bearing);
  return { name: `Vrijwilliger ${metres}/${bearing}`, qualifiedUntil: '2027-12-31', addresses: [{ lat: p.lat, lon: p.lon }], ...extra };
}

describeEachStore('respond: registries and dispatch flow', (store) => {
  let t: TestContext;
  let clock: ManualClock;
  let org: string;

  beforeEach(async () => {
    clock = new ManualClock('2026-07-08T18:00:00.000Z');
    t = await createTestContext(store, { clock, env: { WAAKZAAM_PDOK_URL: 'off', WAAKZAAM_POSTCODE_TABLE: './data/postcodes' } });
    org = (await seedOrganisation(t.ctx, ['operator'])).organisationId;
  });
  afterEach(async () => t.close());

  const outbox = async (type: string) => t.ctx.database.db.selectFrom('outbox').select('payload').where('type', '=', type).execute();

  it('alerts the nearest in waves, records every moment, and never alerts a volunteer twice', async () => {
    const { registry, dispatches, responders } = t.ctx.respond;
    const created = [];
    for (let i = 0; i < 8; i++) created.push(await registry.createVolunteer(org, volunteer(100 + i * 100, i * 45), 'test'));
    // Two addresses near the victim: still one alert.
    const twoHomes = await registry.createVolunteer(org, { name: 'Twee adressen', qualifiedUntil: '2027-01-01', addresses: [{ ...near(50, 10) }, { ...near(60, 200) }] }, 'test');
    await registry.createVolunteer(org, volunteer(1500), 'test'); // out of range
    const aed = await registry.createAed(org, { name: 'AED Jaarbours', location: 'Jaarbeursplein 1, bij de ingang', position: near(120, 0), cabinetCode: '4321', accessNotes: 'Kast naast de draaideur', ownerEmail: 'eigenaar@example.nl' }, 'test');

    const dispatch = await dispatches.start(org, { location: { lat: VICTIM.lat, lon: VICTIM.lon }, address: 'Jaarbeursplein 6, Utrecht', params: { maxVolunteers: 4, targetAccepted: 3, maxWaves: 3, waveDelayMs: 60_000, ackTimeoutMs: 120_000 } }, 'user:x');
    let view = await t.ctx.database.db.selectFrom('respond_responders').selectAll().where('dispatch_id', '=', dispatch.id).execute();
    expect(view).toHaveLength(4);
    expect(view.map((r) => r.volunteer_id)).toContain(twoHomes.volunteer.id);
    expect((await outbox('dispatch.alerted')).length).toBe(4);
    expect((await outbox('aed.used')).length).toBeLessThanOrEqual(1);
    expect(dispatch.aeds.map((a) => a.id)).toEqual([aed.id]);

    // One accepts; the others stay silent. After the wave delay a second wave goes out.
    const first = await registry.findVolunteer(org, twoHomes.volunteer.id);
    const accepted = await responders.report(first, dispatch.id, 'accept');
    expect(accepted.state).toBe('accepted');
    expect(accepted.cprSteps?.length).toBeGreaterThan(3);
    clock.advance(60_000);
    expect(await t.ctx.jobs.runDue()).toBeGreaterThanOrEqual(1);
    view = await t.ctx.database.db.selectFrom('respond_responders').selectAll().where('dispatch_id', '=', dispatch.id).execute();
    expect(view).toHaveLength(8);
    expect(new Set(view.map((r) => r.volunteer_id)).size).toBe(8);
    // Running the same wave job again changes nothing.
    await dispatches.nextWave(dispatch.id, 1);
    expect((await outbox('dispatch.alerted')).length).toBe(8);

    // Wave-1 alerts time out after ackTimeout; a timed-out alert cannot be accepted.
    clock.advance(60_000);
    await t.ctx.jobs.runDue();
    const silent = view.find((r) => r.wave === 1 && r.state === 'alerted')!;
    const silentVolunteer = await registry.findVolunteer(org, silent.volunteer_id);
    await expect(responders.report(silentVolunteer, dispatch.id, 'accept')).rejects.toMatchObject({ code: 'ALERT_EXPIRED' });

    // Arrival times for evaluation; the fetcher's arrival is "AED on scene".
    await responders.report(first, dispatch.id, 'on_way');
    clock.advance(30_000);
    await responders.report(first, dispatch.id, 'arrived');
    const full = await dispatches.find(org, dispatch.id);
    expect(full.firstAcceptAt).toBe('2026-07-08T18:00:00.000Z');
    expect(full.firstArrivalAt).toBe('2026-07-08T18:02:30.000Z');

    // Cancel: everyone still under way is stood down; the board hears it.
    const closed = await dispatches.close(org, dispatch.id, 'ems_on_scene', 'user:x');
    expect(closed.status).toBe('closed');
    const after = await t.ctx.database.db.selectFrom('respond_responders').select(['state']).where('dispatch_id', '=', dispatch.id).execute();
    expect(after.filter((r) => r.state === 'alerted' || r.state === 'accepted' || r.state === 'on_way')).toEqual([]);
    expect((await outbox('dispatch.closed')).length).toBe(1);
    await expect(dispatches.close(org, dispatch.id, 'cancelled', 'user:x')).rejects.toMatchObject({ code: 'DISPATCH_CLOSED' });
    const timeline = await t.ctx.database.db.selectFrom('respond_timeline').select('kind').where('dispatch_id', '=', dispatch.id).execute();
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['started', 'alerted', 'wave', 'accepted', 'timed_out', 'on_way', 'arrived', 'closed']));
  });

  it('reveals the AED cabinet code only to an accepted fetcher, audited', async () => {
    const { registry, dispatches, responders } = t.ctx.respond;
    const aedPoint = near(150, 0);
    const fetcher = await registry.createVolunteer(org, { name: 'Haler', qualifiedUntil: '2027-01-01', addresses: [destination(aedPoint, 100, 0)] }, 'test');
    await registry.createAed(org, { name: 'AED Station', location: 'Stationshal', position: aedPoint, cabinetCode: '0000', accessNotes: 'Achter de kiosk' }, 'test');
    const dispatch = await dispatches.start(org, { location: VICTIM, params: { rebalance: false } }, 'user:x');
    const v = await registry.findVolunteer(org, fetcher.volunteer.id);
    const before = await responders.alert(v, dispatch.id);
    expect(before.role).toBe('via_aed');
    expect(before.message).toContain('AED Station');
    expect(before.aed?.accessNotes).toBeNull();
    await expect(responders.cabinetCode(v, dispatch.id)).rejects.toMatchObject({ code: 'ACCEPT_FIRST' });
    await responders.report(v, dispatch.id, 'accept');
    expect((await responders.alert(v, dispatch.id)).aed?.accessNotes).toBe('Achter de kiosk');
    expect(await responders.cabinetCode(v, dispatch.id)).toMatchObject({ cabinetCode: '0000' });
    const audit = await t.ctx.database.db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'aed.cabinet_code.reveal').execute();
    expect(audit).toEqual([{ action: 'aed.cabinet_code.reveal', actor: `volunteer:${v.id}` }]);
  });

  it('switches an AED with expired pads off by itself and uses live locations, snooze and expiry', async () => {
    const { registry, dispatches } = t.ctx.respond;
    const expired = await registry.createAed(org, { name: 'Oud', location: 'Hal', position: near(50, 90), padsExpire: '2026-07-07' }, 'test');
    expect(expired.unusableNow).toBe('pads_expired');
    const snoozer = await registry.createVolunteer(org, volunteer(100), 'test');
    const unqualified = await registry.createVolunteer(org, volunteer(110, 0, { qualifiedUntil: '2026-07-01' }), 'test');
    const mover = await registry.createVolunteer(org, volunteer(3000), 'test');
    await registry.snooze(await registry.findVolunteer(org, snoozer.volunteer.id), '2026-07-08T20:00:00.000Z');
    const live = near(200, 180);
    await registry.setLiveLocation(await registry.findVolunteer(org, mover.volunteer.id), live.lat, live.lon);
    const dispatch = await dispatches.start(org, { location: VICTIM }, 'user:x');
    const rows = await t.ctx.database.db.selectFrom('respond_responders').select(['volunteer_id', 'source', 'role']).where('dispatch_id', '=', dispatch.id).execute();
    expect(rows).toEqual([{ volunteer_id: mover.volunteer.id, source: 'live', role: 'direct' }]);
    expect(rows.map((r) => r.volunteer_id)).not.toContain(unqualified.volunteer.id);
    expect(dispatch.aeds).toEqual([]);
  });

  it('does not alert a volunteer busy on another dispatch', async () => {
    const { registry, dispatches } = t.ctx.respond;
    const one = await registry.createVolunteer(org, volunteer(100), 'test');
    const first = await dispatches.start(org, { location: VICTIM }, 'user:x');
    const second = await dispatches.start(org, { location: near(200, 90) }, 'user:x');
    const alerted = await t.ctx.database.db.selectFrom('respond_responders').select(['dispatch_id', 'volunteer_id']).execute();
    expect(alerted).toEqual([{ dispatch_id: first.id, volunteer_id: one.volunteer.id }]);
    expect(second.wave).toBe(1);
  });

  it('keeps organisations apart', async () => {
    const other = (await seedOrganisation(t.ctx, ['operator'])).organisationId;
    const { registry, dispatches } = t.ctx.respond;
    await registry.createVolunteer(other, volunteer(100), 'test');
    const d = await dispatches.start(org, { location: VICTIM }, 'user:x');
    expect(await t.ctx.database.db.selectFrom('respond_responders').selectAll().where('dispatch_id', '=', d.id).execute()).toEqual([]);
    await expect(dispatches.find(other, d.id)).rejects.toMatchObject({ code: 'DISPATCH_NOT_FOUND' });
  });
});

import { describe, expect, it } from 'vitest';
import { aedUnusable, assignRoles, decideWave, selectAeds, selectCandidates, type Candidate, type ChosenAed } from '#respond/dispatch.ts';
import { distanceM } from '#respond/geo.ts';
import { DEFAULT_DISPATCH_PARAMS, resolveParams, type DispatchParams } from '#respond/params.ts';
import { at, buildAed, buildVolunteer, MOMENT, VICTIM } from './builders.ts';

const P = DEFAULT_DISPATCH_PARAMS;

function candidatesOf(volunteers: Parameters<typeof selectCandidates>[0], params: DispatchParams = P) {
  return selectCandidates(volunteers, VICTIM, MOMENT, params, params.radiusM, params.maxVolunteers);
}

describe('candidates (§3.4 steps 1–2)', () => {
  it('includes a volunteer exactly at 1,000 m and excludes one just beyond', () => {
    const edge = buildVolunteer({ home: at(1000, 45) });
    const beyond = buildVolunteer({ home: at(1000.01, 45) });
    expect(distanceM(edge.addresses[0]!, VICTIM)).toBeCloseTo(1000, 6);
    expect(candidatesOf([edge, beyond]).map((c) => c.volunteerId)).toEqual([edge.id]);
  });

  it('alerts the 30 nearest of 31 candidates', () => {
    const volunteers = Array.from({ length: 31 }, (_, i) => buildVolunteer({ home: at(20 * (i + 1), i * 11) }));
    const chosen = candidatesOf(volunteers);
    expect(chosen).toHaveLength(30);
    expect(chosen.map((c) => c.volunteerId)).not.toContain(volunteers[30]!.id);
    expect(chosen.map((c) => c.distanceM)).toEqual([...chosen.map((c) => c.distanceM)].sort((a, b) => a - b));
  });

  it('counts a volunteer with two addresses inside the radius once, at the nearest', () => {
    const v = buildVolunteer({ addresses: [{ ...at(800, 0), windows: null }, { ...at(200, 180), windows: null }] });
    const chosen = candidatesOf([v, v]);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.addressIndex).toBe(1);
    expect(chosen[0]!.distanceM).toBeCloseTo(200, 3);
  });

  it('uses a fresh live fix and ignores the addresses then', () => {
    const v = buildVolunteer({ home: at(100), live: { ...at(600, 90), at: MOMENT.now - 60_000 } });
    const [c] = candidatesOf([v]);
    expect(c!.source).toBe('live');
    expect(c!.distanceM).toBeCloseTo(600, 3);
    const away = buildVolunteer({ home: at(100), live: { ...at(5000, 90), at: MOMENT.now - 60_000 } });
    expect(candidatesOf([away])).toEqual([]);
  });

  it('falls back to the registered addresses when the live fix is stale', () => {
    const v = buildVolunteer({ home: at(100), live: { ...at(5000, 90), at: MOMENT.now - P.liveFixMaxAgeMs - 1 } });
    const [c] = candidatesOf([v]);
    expect(c!.source).toBe('address');
    expect(c!.distanceM).toBeCloseTo(100, 3);
  });

  it('uses an address only inside its time window (Dutch local time)', () => {
    // MOMENT is Wednesday 20:00 in Utrecht.
    const work = buildVolunteer({ addresses: [{ ...at(100), windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' }] }] });
    const evening = buildVolunteer({ addresses: [{ ...at(100), windows: [{ days: ['wed'], from: '19:00', to: '07:00' }] }] });
    const chosen = candidatesOf([work, evening]).map((c) => c.volunteerId);
    expect(chosen).toEqual([evening.id]);
  });

  it('leaves out expired qualifications, snoozed and excluded volunteers', () => {
    const expired = buildVolunteer({ qualifiedUntil: '2026-07-07' });
    const lastDay = buildVolunteer({ qualifiedUntil: '2026-07-08' });
    const none = buildVolunteer({ qualifiedUntil: null });
    const snoozed = buildVolunteer({ snoozedUntil: MOMENT.now + 1 });
    const snoozeOver = buildVolunteer({ snoozedUntil: MOMENT.now });
    const alerted = buildVolunteer();
    const chosen = selectCandidates([expired, lastDay, none, snoozed, snoozeOver, alerted], VICTIM, MOMENT, P, 1000, 30, new Set([alerted.id])).map((c) => c.volunteerId);
    expect(chosen.sort()).toEqual([lastDay.id, snoozeOver.id].sort());
  });
});

describe('AEDs (§3.4 step 3)', () => {
  it('takes the three nearest usable AEDs within the radius', () => {
    const aeds = [100, 200, 300, 400].map((d) => buildAed({ point: at(d, 90) }));
    const far = buildAed({ point: at(1200, 90) });
    expect(selectAeds([...aeds, far], VICTIM, MOMENT, P, 1000).map((a) => a.id)).toEqual(aeds.slice(0, 3).map((a) => a.id));
  });

  it('excludes an AED with expired pads or battery (from the day after expiry) and an inactive one', () => {
    expect(aedUnusable(buildAed({ padsExpire: '2026-07-07' }), MOMENT)).toBe('pads_expired');
    expect(aedUnusable(buildAed({ padsExpire: '2026-07-08' }), MOMENT)).toBeNull();
    expect(aedUnusable(buildAed({ batteryExpires: '2025-01-01' }), MOMENT)).toBe('battery_expired');
    expect(aedUnusable(buildAed({ active: false }), MOMENT)).toBe('inactive');
    const expired = buildAed({ point: at(50, 90), padsExpire: '2026-01-01' });
    const ok = buildAed({ point: at(400, 90) });
    expect(selectAeds([expired, ok], VICTIM, MOMENT, P, 1000).map((a) => a.id)).toEqual([ok.id]);
  });

  it('excludes an AED outside its opening hours', () => {
    const office = buildAed({ point: at(50, 90), availability: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' }] });
    const allDay = buildAed({ point: at(400, 90), availability: [{ days: ['wed'], from: '00:00', to: '00:00' }] });
    expect(aedUnusable(office, MOMENT)).toBe('closed');
    expect(selectAeds([office, allDay], VICTIM, MOMENT, P, 1000).map((a) => a.id)).toEqual([allDay.id]);
  });
});

function candidate(point: ReturnType<typeof at>, id = `c${Math.random()}`): Candidate {
  return { volunteerId: id, point, source: 'address', addressIndex: 0, distanceM: distanceM(point, VICTIM) };
}

function chosenAed(point: ReturnType<typeof at>, id = 'aed'): ChosenAed {
  return { id, point, distanceM: distanceM(point, VICTIM) };
}

describe('roles (§3.4 steps 4–5)', () => {
  const noRebalance = resolveParams({ rebalance: false });

  it('sends everyone direct when there is no AED', () => {
    const cs = [200, 400, 600].map((d, i) => candidate(at(d, i * 90)));
    const roles = assignRoles(cs, [], P);
    expect(roles.map((r) => r.role)).toEqual(['direct', 'direct', 'direct']);
    expect(roles.every((r) => r.aedId === null && r.routeM === r.distanceM)).toBe(true);
  });

  it('lets a volunteer 499 m from an AED fetch it, and not one 501 m from it', () => {
    // AED 300 m north of the victim; volunteers beyond it on the same line (no detour at all).
    const aedPoint = at(300, 0);
    const near = candidate(at(499, 0, aedPoint), 'near');
    const far = candidate(at(501, 0, aedPoint), 'far');
    const roles = assignRoles([near, far], [chosenAed(aedPoint)], noRebalance);
    expect(roles.map((r) => [r.volunteerId, r.role])).toEqual([
      ['near', 'via_aed'],
      ['far', 'direct'],
    ]);
  });

  it('fetches at a detour of at most 5 % and goes direct just above it', () => {
    // Volunteer 600 m north; the AED sits to the side so that d(c,a) + d(a,V) = 1.05 × 600 (± 0.5 m).
    const c = at(600, 0);
    const route = (aed: ReturnType<typeof at>) => distanceM(c, aed) + distanceM(aed, VICTIM);
    const sideways = (offset: number) => at(offset, 90, at(300, 0));
    let lo = 0;
    let hi = 300;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (route(sideways(mid)) < 630) lo = mid;
      else hi = mid;
    }
    const inside = sideways(lo - 1);
    const outside = sideways(lo + 1);
    expect(route(inside) / 600).toBeLessThanOrEqual(1.05);
    expect(route(outside) / 600).toBeGreaterThan(1.05);
    expect(assignRoles([candidate(c, 'x')], [chosenAed(inside)], noRebalance)[0]!.role).toBe('via_aed');
    expect(assignRoles([candidate(c, 'x')], [chosenAed(outside)], noRebalance)[0]!.role).toBe('direct');
  });

  it('rebalances toward one third direct, the nearest going direct', () => {
    // Six volunteers beyond an AED on one line: all could fetch it without detour.
    const aeds = [chosenAed(at(100, 0), 'a1'), chosenAed(at(100, 180), 'a2')];
    const cs = [200, 250, 300, 350, 400, 450].map((d, i) => candidate(at(d, i % 2 === 0 ? 0 : 180), `c${i}`));
    const roles = assignRoles(cs, aeds, resolveParams({ maxFetchersPerAed: 10 }));
    expect(roles.filter((r) => r.role === 'direct').map((r) => r.volunteerId)).toEqual(['c0', 'c1']);
    expect(roles.filter((r) => r.role === 'via_aed')).toHaveLength(4);
  });

  it('rebalances toward two thirds fetching, smallest detour first, and spreads over AEDs with a cap', () => {
    const aed = chosenAed(at(150, 90), 'a1');
    // Every candidate is within 500 m of the AED but none passes it within 5 %.
    const cs = [200, 220, 240, 260, 280, 300].map((d, i) => candidate(at(d, 270 + i * 5), `c${i}`));
    const unbalanced = assignRoles(cs, [aed], noRebalance);
    expect(unbalanced.every((r) => r.role === 'direct')).toBe(true);
    const roles = assignRoles(cs, [aed], resolveParams({ maxFetchersPerAed: 3 }));
    expect(roles.filter((r) => r.role === 'via_aed')).toHaveLength(3); // capped: the target of 4 needs a second AED
    const two = assignRoles(cs, [aed, chosenAed(at(150, 270), 'a2')], resolveParams({ maxFetchersPerAed: 3 }));
    expect(two.filter((r) => r.role === 'via_aed')).toHaveLength(4);
    expect(new Set(two.filter((r) => r.aedId).map((r) => r.aedId)).size).toBe(2);
  });

  it('counts fetchers of earlier waves against the cap', () => {
    const aedPoint = at(100, 0);
    const cs = [candidate(at(300, 0), 'x')];
    const earlier = { direct: 5, via: 3, fetchersPerAed: new Map([['aed', 3]]) };
    expect(assignRoles(cs, [chosenAed(aedPoint)], P, earlier)[0]!.role).toBe('direct');
  });

  it('gives walking-time estimates from the route', () => {
    const [r] = assignRoles([candidate(at(520, 0))], [], resolveParams({ walkingSpeedMps: 2, routeFactor: 1.25 }));
    expect(r!.etaS).toBeCloseTo((520 * 1.25) / 2, 3);
  });
});

describe('a whole wave', () => {
  it('combines candidates, AEDs and roles, and respects exclusions', () => {
    const volunteers = Array.from({ length: 40 }, (_, i) => buildVolunteer({ home: at(25 * (i + 1), i * 37) }));
    const aeds = [buildAed({ point: at(150, 0) }), buildAed({ point: at(150, 120) }), buildAed({ point: at(150, 240) })];
    const exclude = new Set([volunteers[0]!.id]);
    const decision = decideWave({ victim: VICTIM, moment: MOMENT, params: P, radiusM: 1000, volunteers, aeds, exclude });
    expect(decision.candidates).toHaveLength(30);
    expect(decision.candidates.map((c) => c.volunteerId)).not.toContain(volunteers[0]!.id);
    expect(decision.aeds).toHaveLength(3);
    const direct = decision.assignments.filter((a) => a.role === 'direct').length;
    expect(direct).toBeGreaterThanOrEqual(10);
    for (const a of decision.assignments.filter((x) => x.role === 'via_aed')) {
      const volunteer = decision.candidates.find((c) => c.volunteerId === a.volunteerId)!;
      const aed = decision.aeds.find((x) => x.id === a.aedId)!;
      expect(distanceM(volunteer.point, aed.point)).toBeLessThanOrEqual(P.aedRadiusM);
    }
  });

  it('never exceeds 1,000 m, whatever the overrides', () => {
    const params = resolveParams({ radiusM: 1000, maxRadiusM: 1000, radiusStepM: 500 });
    expect(params.maxRadiusM).toBe(1000);
  });
});

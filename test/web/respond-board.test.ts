import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responderSchema } from '#respond/routes/schemas.ts';
import {
  aedCondition,
  applyBoardEvent,
  checkStartForm,
  countStates,
  dispatchPath,
  formatDuration,
  keyMoments,
  normalisePostcode,
  parseBoardEvent,
  qualificationStatus,
  respondRouteFromPath,
  sortDispatches,
  STATE_STYLE,
} from '../../web/dashboard/respond/board.ts';
import { RESPONDER_STATES, type DispatchDetail, type DispatchResponder } from '../../web/dashboard/respond/respond-api.ts';
import { respondEn, respondNl } from '../../web/ui/i18n/modules/respond.ts';

function responder(overrides: Partial<DispatchResponder> = {}): DispatchResponder {
  return {
    volunteerId: 'v1',
    name: 'Anna',
    wave: 1,
    role: 'direct',
    aedId: null,
    source: 'address',
    distanceM: 200,
    routeM: 200,
    etaS: 130,
    state: 'alerted',
    alertedAt: '2026-07-04T20:45:00.000Z',
    acceptedAt: null,
    declinedAt: null,
    onWayAt: null,
    arrivedAt: null,
    timedOutAt: null,
    stoodDownAt: null,
    ...overrides,
  };
}

function dispatch(overrides: Partial<DispatchDetail> = {}): DispatchDetail {
  const responders = overrides.responders ?? [responder(), responder({ volunteerId: 'v2', name: 'Bram' })];
  return {
    id: 'd1',
    status: 'active',
    closeReason: null,
    lat: 52.0931,
    lon: 5.1196,
    address: 'Neude 11, Utrecht',
    geocodedBy: 'pdok',
    note: null,
    params: { radiusM: 1000 },
    aeds: [],
    wave: 1,
    startedBy: 'user:x',
    startedAt: '2026-07-04T20:45:00.000Z',
    firstAcceptAt: null,
    firstArrivalAt: null,
    aedOnSceneAt: null,
    closedAt: null,
    counts: countStates(responders),
    figures: { timeToFirstAcceptS: null, timeToFirstArrivalS: null, timeToAedOnSceneS: null },
    timeline: [],
    ...overrides,
    responders,
  };
}

describe('respond board: routes', () => {
  it('reads the three views and round-trips a dispatch id', () => {
    expect(respondRouteFromPath('/respond')).toEqual({ view: 'board' });
    expect(respondRouteFromPath('/respond/')).toEqual({ view: 'board' });
    expect(respondRouteFromPath('/respond/registry')).toEqual({ view: 'registry' });
    expect(respondRouteFromPath('/respond/dispatches/x')).toEqual({ view: 'dispatch', id: 'x' });
    expect(respondRouteFromPath('/respond/dispatches/%E0%A4%A')).toBeNull();
    expect(respondRouteFromPath('/send')).toBeNull();
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
      expect(respondRouteFromPath(dispatchPath(id))).toEqual({ view: 'dispatch', id });
    }));
  });
});

describe('respond board: live events', () => {
  it('has a style, symbol and label for exactly the server’s responder states, each symbol distinct', () => {
    expect([...RESPONDER_STATES].sort()).toEqual([...responderSchema.shape.state.options].sort());
    expect(Object.keys(STATE_STYLE).sort()).toEqual([...RESPONDER_STATES].sort());
    expect(new Set(Object.values(STATE_STYLE).map((s) => s.symbol)).size).toBe(RESPONDER_STATES.length);
    for (const style of Object.values(STATE_STYLE)) expect(respondNl[style.label as keyof typeof respondNl]).toBeTruthy();
  });

  it('parses the stream’s events and ignores anything else', () => {
    expect(parseBoardEvent('responder.updated', JSON.stringify({ dispatchId: 'd1', volunteerId: 'v1', state: 'accepted', at: '2026-07-04T20:46:00.000Z' }))).toEqual({
      type: 'responder.updated',
      dispatchId: 'd1',
      volunteerId: 'v1',
      state: 'accepted',
      at: '2026-07-04T20:46:00.000Z',
      reason: null,
    });
    expect(parseBoardEvent('dispatch.closed', JSON.stringify({ dispatchId: 'd1', reason: 'ems_on_scene', closedAt: '2026-07-04T21:00:00.000Z' }))).toMatchObject({ reason: 'ems_on_scene', at: '2026-07-04T21:00:00.000Z' });
    expect(parseBoardEvent('ready', '{}')).toBeNull();
    expect(parseBoardEvent('responder.updated', 'not json')).toBeNull();
    expect(parseBoardEvent('responder.updated', JSON.stringify({ volunteerId: 'v1' }))).toBeNull();
    expect(parseBoardEvent('responder.updated', JSON.stringify({ dispatchId: 'd1', volunteerId: 'v1', state: 'teleported' }))?.state).toBeNull();
    fc.assert(fc.property(fc.string(), fc.string(), (type, data) => {
      parseBoardEvent(type, data);
    }));
  });

  it('applies a state change with its timestamp and recounts; repeats and strangers change nothing', () => {
    const d = dispatch();
    const event = parseBoardEvent('responder.updated', JSON.stringify({ dispatchId: 'd1', volunteerId: 'v1', state: 'accepted', at: '2026-07-04T20:46:00.000Z' }))!;
    const next = applyBoardEvent(d, event);
    expect(next.responders[0]).toMatchObject({ state: 'accepted', acceptedAt: '2026-07-04T20:46:00.000Z' });
    expect(next.counts).toMatchObject({ alerted: 1, accepted: 1 });
    expect(d.responders[0]!.state).toBe('alerted');
    expect(applyBoardEvent(next, event)).toBe(next);
    expect(applyBoardEvent(next, { ...event, volunteerId: 'nobody' })).toBe(next);
    expect(applyBoardEvent(next, { ...event, dispatchId: 'd2' })).toBe(next);
  });

  it('closes a dispatch once', () => {
    const closed = applyBoardEvent(dispatch(), { type: 'dispatch.closed', dispatchId: 'd1', volunteerId: null, state: null, at: '2026-07-04T21:00:00.000Z', reason: 'cancelled' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'cancelled', closedAt: '2026-07-04T21:00:00.000Z' });
    expect(applyBoardEvent(closed, { type: 'dispatch.closed', dispatchId: 'd1', volunteerId: null, state: null, at: 'later', reason: 'expired' })).toBe(closed);
  });

  it('lists active dispatches first, newest first within each group', () => {
    const list = sortDispatches([
      { id: 'a', status: 'closed' as const, startedAt: '2026-07-04T22:00:00Z' },
      { id: 'b', status: 'active' as const, startedAt: '2026-07-04T20:00:00Z' },
      { id: 'c', status: 'active' as const, startedAt: '2026-07-04T21:00:00Z' },
      { id: 'd', status: 'closed' as const, startedAt: '2026-07-04T23:00:00Z' },
    ]);
    expect(list.map((d) => d.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('respond board: figures and moments', () => {
  it('formats response times as a control room reads them', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(-1)).toBe('–');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65.4)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('orders the key moments: start, waves, first accept, first arrival, AED on scene, end', () => {
    const moments = keyMoments(
      dispatch({
        firstAcceptAt: '2026-07-04T20:45:40.000Z',
        firstArrivalAt: '2026-07-04T20:49:00.000Z',
        aedOnSceneAt: '2026-07-04T20:51:30.000Z',
        closedAt: '2026-07-04T20:58:00.000Z',
        closeReason: 'ems_on_scene',
        timeline: [
          { at: '2026-07-04T20:45:00.000Z', kind: 'started', volunteerId: null, data: {} },
          { at: '2026-07-04T20:45:00.000Z', kind: 'alerted', volunteerId: 'v1', data: {} },
          { at: '2026-07-04T20:46:30.000Z', kind: 'wave', volunteerId: null, data: { wave: 2 } },
        ],
      }),
    );
    expect(moments.map((m) => [m.kind, m.offsetS, m.detail])).toEqual([
      ['started', 0, null],
      ['firstAccept', 40, null],
      ['wave', 90, '2'],
      ['firstArrival', 240, null],
      ['aedOnScene', 390, null],
      ['closed', 780, 'ems_on_scene'],
    ]);
  });
});

describe('respond board: start form', () => {
  it('accepts postcodes as people type them and refuses what PostNL never issues', () => {
    expect(normalisePostcode('3512 ae')).toBe('3512AE');
    expect(normalisePostcode(' 3512AE ')).toBe('3512AE');
    expect(normalisePostcode('0512AE')).toBeNull();
    expect(normalisePostcode('3512SS')).toBeNull();
    expect(normalisePostcode('35 AE')).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('AB', 'XY', 'ae'), (digits, letters) => {
      expect(normalisePostcode(`${digits} ${letters}`)).toBe(`${digits}${letters.toUpperCase()}`);
    }));
  });

  it('answers the API location or a message per wrong field', () => {
    expect(checkStartForm({ mode: 'address', postcode: '3512 AE', houseNumber: '11' })).toEqual({ ok: true, location: { postcode: '3512AE', houseNumber: '11' } });
    expect(checkStartForm({ mode: 'address', postcode: '3512 AE', houseNumber: '11-2' })).toMatchObject({ ok: true });
    expect(checkStartForm({ mode: 'address', postcode: 'x', houseNumber: '' })).toEqual({ ok: false, errors: { postcode: 'respond.start.postcodeInvalid', houseNumber: 'respond.start.houseNumberInvalid' } });
    expect(checkStartForm({ mode: 'coordinates', lat: '52,0931', lon: '5.1196' })).toEqual({ ok: true, location: { lat: 52.0931, lon: 5.1196 } });
    expect(checkStartForm({ mode: 'coordinates', lat: '', lon: '200' })).toEqual({ ok: false, errors: { lat: 'respond.start.latInvalid', lon: 'respond.start.lonInvalid' } });
  });
});

describe('respond board: registry states', () => {
  it('says whether an AED can be used, flagging expiry within 30 days', () => {
    const aed = { unusableNow: null, padsExpire: '2027-01-01', batteryExpires: null };
    expect(aedCondition(aed, '2026-11-29')).toBe('ok');
    expect(aedCondition({ ...aed, padsExpire: '2026-12-20' }, '2026-11-29')).toBe('expiresSoon');
    expect(aedCondition({ ...aed, unusableNow: 'pads_expired' }, '2026-11-29')).toBe('pads_expired');
  });

  it('classes qualifications as valid, lapsing within 60 days, lapsed or unknown', () => {
    expect(qualificationStatus(null, '2026-11-29')).toBe('unknown');
    expect(qualificationStatus('2026-11-28', '2026-11-29')).toBe('lapsed');
    expect(qualificationStatus('2026-11-29', '2026-11-29')).toBe('lapsing');
    expect(qualificationStatus('2027-06-01', '2026-11-29')).toBe('valid');
  });

  it('has every respond message in English too', () => {
    expect(Object.keys(respondEn).sort()).toEqual(Object.keys(respondNl).sort());
  });
});

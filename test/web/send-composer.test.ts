import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS as SERVER_CHANNELS } from '#send/channels/channel.ts';
import { DELIVERY_STATUSES as SERVER_DELIVERY_STATUSES } from '#send/delivery/delivery-store.ts';
import { MESSAGE_STATES as SERVER_STATES } from '#send/lifecycle.ts';
import { CERTAINTIES as SERVER_CERTAINTIES, draftInputSchema, SEVERITIES as SERVER_SEVERITIES, URGENCIES as SERVER_URGENCIES } from '#send/messages/message.ts';
import { BUILTIN_TEMPLATES, renderTemplate } from '#send/messages/templates.ts';
import { applyTemplate, composerBody, fillPlaceholders, fromLocalInput, initialComposerState, stateFromMessage, toggle, toLocalInput, topicLabelKey, TOPICS, unfilledPlaceholders, validateComposer, type ComposerState } from '../../web/dashboard/send/composer-form.ts';
import { CERTAINTIES, CHANNEL_KINDS, DELIVERY_STATUSES, MESSAGE_STATES, messagesQuery, normaliseMessage, SEVERITIES, URGENCIES, type Template } from '../../web/dashboard/send/send-api.ts';
import { sendRouteFromPath } from '../../web/dashboard/send/send-routes.ts';
import { modeFromPath } from '../../web/dashboard/modes.ts';
import { sendNl } from '../../web/ui/i18n/modules/send.ts';

const crowding = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:crowding-exit')!;
const template: Template = { ...crowding, builtin: true, placeholders: ['exit', 'place', 'alternative'] };
const values = { exit: 'de Noorduitgang', place: 'het Jaarbeursplein', alternative: 'de Zuiduitgang' };

function filled(overrides: Partial<ComposerState> = {}): ComposerState {
  return { ...applyTemplate(initialComposerState(['mastodon', 'bluesky']), template, values), area: { kind: 'municipality', code: 'GM0344', name: 'Utrecht' }, ...overrides };
}

describe('the dashboard mirrors the send API', () => {
  it('has the same states, channels, CAP values and delivery statuses as the server', () => {
    expect(MESSAGE_STATES).toEqual(SERVER_STATES);
    expect(CHANNEL_KINDS).toEqual(SERVER_CHANNELS);
    expect(URGENCIES).toEqual(SERVER_URGENCIES);
    expect(SEVERITIES).toEqual(SERVER_SEVERITIES);
    expect(CERTAINTIES).toEqual(SERVER_CERTAINTIES);
    expect(DELIVERY_STATUSES).toEqual(SERVER_DELIVERY_STATUSES);
  });

  it('has a label for every topic it offers', () => {
    for (const topic of TOPICS) expect(topicLabelKey(topic)).not.toBe('category.none');
    expect(sendNl[topicLabelKey('events') as keyof typeof sendNl]).toBe('Evenementen');
  });
});

describe('templates in the composer', () => {
  it('fills placeholders exactly as the server renders the template', () => {
    const state = applyTemplate(initialComposerState(), template, values);
    const server = renderTemplate(crowding, values);
    expect(state.nl).toEqual({ headline: server.nl.headline, body: server.nl.body, instruction: server.nl.instruction });
    expect(state.withEnglish).toBe(true);
    expect(state.en.headline).toBe(server.en!.headline);
    expect(state).toMatchObject({ category: 'crowd_safety', urgency: 'Immediate', severity: 'Moderate', certainty: 'Observed', topics: ['crowd_safety', 'events'] });
  });

  it('leaves a slot without a value visible, and reports it', () => {
    expect(fillPlaceholders('Druk bij {{exit}} van {{ place }}', { exit: 'A' })).toBe('Druk bij A van {{ place }}');
    const state = applyTemplate(initialComposerState(['mastodon']), template, { exit: 'de Noorduitgang' });
    expect(unfilledPlaceholders(state).sort()).toEqual(['alternative', 'place']);
    expect(validateComposer({ ...state, area: { kind: 'municipality', code: 'GM0344', name: 'Utrecht' } })).toContainEqual({ field: 'nl-headline', key: 'send.error.placeholders', params: { names: 'place, alternative' } });
  });

  it('keeps channels, area and schedule when another template is chosen', () => {
    const before = filled({ channels: ['email'], scheduledFor: '2030-01-01T10:00' });
    const after = applyTemplate(before, template, values);
    expect(after.channels).toEqual(['email']);
    expect(after.area).toEqual(before.area);
    expect(after.scheduledFor).toBe('2030-01-01T10:00');
  });
});

describe('validateComposer', () => {
  const now = new Date('2026-07-04T20:00:00Z');

  it('accepts a complete message', () => {
    expect(validateComposer(filled(), now)).toEqual([]);
  });

  it('names every missing field in form order', () => {
    const errors = validateComposer({ ...initialComposerState(), withEnglish: true }, now).map((e) => e.key);
    expect(errors).toEqual(['send.error.headlineNl', 'send.error.bodyNl', 'send.error.headlineEn', 'send.error.bodyEn', 'send.error.channels']);
  });

  it('asks for an area when a channel reaches subscribers by area', () => {
    expect(validateComposer(filled({ area: null }), now)).toEqual([]);
    expect(validateComposer(filled({ area: null, channels: ['mastodon', 'webpush'] }), now).map((e) => e.key)).toEqual(['send.error.areaNeeded']);
  });

  it('refuses a drawn outline that crosses itself and a time in the past', () => {
    const bowtie: [number, number][] = [[5, 52], [5.1, 52.1], [5.1, 52], [5, 52.2]];
    const errors = validateComposer(filled({ area: { kind: 'polygon', points: bowtie }, scheduledFor: '2020-01-01T10:00' }), now).map((e) => e.key);
    expect(errors).toEqual(['send.area.problem.crossesItself', 'send.error.schedulePast']);
  });

  it('refuses a headline over 160 characters', () => {
    expect(validateComposer(filled({ nl: { headline: 'x'.repeat(161), body: 'b', instruction: '' } }), now)).toContainEqual({ field: 'nl-headline', key: 'send.error.headlineLong', params: { max: 160 } });
  });
});

describe('composerBody', () => {
  it('makes a body the server accepts as a draft', () => {
    const body = composerBody(filled({ exercise: true, scheduledFor: '2030-05-01T12:30' }));
    const parsed = draftInputSchema.parse(body);
    expect(parsed.area).toEqual({ kind: 'municipality', code: 'GM0344' });
    expect(parsed.exercise).toBe(true);
    expect(parsed.scheduledFor).toBe(new Date('2030-05-01T12:30').toISOString());
    expect(parsed.content.en?.headline).toBe('It is very crowded at de Noorduitgang');
  });

  it('leaves out English when it is switched off, and an empty instruction', () => {
    const body = composerBody(filled({ withEnglish: false, nl: { headline: '  Kop  ', body: ' Tekst ', instruction: '   ' } }));
    expect(body.content).toEqual({ nl: { headline: 'Kop', body: 'Tekst' } });
    expect(draftInputSchema.safeParse(body).success).toBe(true);
  });

  it('round-trips through a stored message', () => {
    const state = filled({ exercise: true });
    const body = composerBody(state);
    const again = stateFromMessage({ ...body, area: body.area }, [{ code: 'GM0344', name: 'Utrecht' }]);
    expect(composerBody(again)).toEqual(body);
    expect(again.area).toEqual({ kind: 'municipality', code: 'GM0344', name: 'Utrecht' });
  });
});

describe('small helpers', () => {
  it('converts datetime-local values both ways', () => {
    const iso = fromLocalInput('2030-05-01T12:30')!;
    expect(toLocalInput(iso)).toBe('2030-05-01T12:30');
    expect(fromLocalInput('morgen')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });

  it('toggles set members in a fixed order', () => {
    expect(toggle(['email'], 'mastodon', true, CHANNEL_KINDS)).toEqual(['mastodon', 'email']);
    expect(toggle(['mastodon', 'email'], 'mastodon', false, CHANNEL_KINDS)).toEqual(['email']);
  });

  it('builds the list query and splits a stored area into input and outline', () => {
    expect(messagesQuery({ status: ['pending_approval'], limit: 10 })).toBe('limit=10&status=pending_approval');
    expect(messagesQuery({ before: 'abc' })).toBe('limit=50&before=abc');
    const m = normaliseMessage({ id: 'x', area: { input: { kind: 'municipality', code: 'GM0344' }, description: 'Gemeente Utrecht', geometry: { type: 'Polygon', coordinates: [] } } });
    expect(m.area).toEqual({ kind: 'municipality', code: 'GM0344' });
    expect(m.areaOutline?.description).toBe('Gemeente Utrecht');
    expect(normaliseMessage({ id: 'y', area: null }).area).toBeNull();
  });

  it('routes /send paths to their views and to the Send mode', () => {
    expect(sendRouteFromPath('/send')).toEqual({ view: 'compose' });
    expect(sendRouteFromPath('/send/approvals/')).toEqual({ view: 'approvals' });
    expect(sendRouteFromPath('/send/messages/abc%20d')).toEqual({ view: 'message', id: 'abc d' });
    expect(sendRouteFromPath('/send/messages/abc/edit')).toEqual({ view: 'edit', id: 'abc' });
    expect(sendRouteFromPath('/send/messages/%E0')).toBeNull();
    expect(sendRouteFromPath('/sendx')).toBeNull();
    expect(modeFromPath('/send/history')).toBe('send');
    expect(modeFromPath('/send/messages/abc')).toBe('send');
    expect(modeFromPath('/watch/map')).toBe('watch');
  });
});

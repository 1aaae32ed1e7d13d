import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tipInputSchema } from '#ask/routes/schemas.ts';
import { askPageOf, askTitleKey, organisationOf } from '../../web/citizen/ask/ask-paths.ts';
import { areaSketch } from '../../web/citizen/ask/appeal-area.ts';
import { draftKey, failureKey, hasContent, INITIAL_TIP_STATE, MAX_PHOTO_BYTES, parseDraft, photoProblems, referenceOf, serialiseDraft, tipRequest, validateTip, type TipFormState } from '../../web/citizen/ask/tip-form.ts';
import { citizenRouteOf } from '../../web/citizen/routes.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const jpeg = (size = 200_000) => ({ name: 'foto.jpg', size, type: 'image/jpeg' });

describe('validateTip', () => {
  it('needs a text or a photo', () => {
    expect(validateTip(INITIAL_TIP_STATE, [], NOW).map((e) => e.key)).toEqual(['tip.error.empty']);
    expect(validateTip(INITIAL_TIP_STATE, [jpeg()], NOW)).toEqual([]);
    expect(validateTip({ ...INITIAL_TIP_STATE, text: '  ' }, [], NOW).map((e) => e.field)).toEqual(['text']);
  });

  it('explains photos that are too big, too many, or not a photo we read, before sending', () => {
    expect(photoProblems([jpeg(MAX_PHOTO_BYTES + 1)]).map((e) => e.key)).toEqual(['tip.error.photoTooBig']);
    expect(photoProblems([jpeg(), jpeg(), jpeg(), jpeg(), jpeg(), jpeg()]).map((e) => e.key)).toEqual(['tip.error.tooManyPhotos']);
    expect(photoProblems([{ name: 'x.heic', size: 10, type: 'image/heic' }, { name: 'x.pdf', size: 10, type: 'application/pdf' }]).map((e) => e.params?.number)).toEqual([1, 2]);
    expect(photoProblems([{ name: 'x', size: 0, type: 'image/png' }]).map((e) => e.key)).toEqual(['tip.error.photoEmpty']);
    expect(photoProblems([jpeg(), { name: 'x.webp', size: 5, type: 'image/webp' }, { name: 'x', size: 5, type: '' }])).toEqual([]);
  });

  it('refuses a time in the future (with a little grace for a fast phone clock) and asks for contact details only when not anonymous', () => {
    const state: TipFormState = { ...INITIAL_TIP_STATE, text: 'Zag een scooter' };
    expect(validateTip({ ...state, observedAt: '2026-11-30T12:00' }, [], NOW).map((e) => e.key)).toEqual(['tip.error.observedAtFuture']);
    expect(validateTip({ ...state, observedAt: new Date(NOW + 60_000).toISOString().slice(0, 16) }, [], NOW)).toEqual([]);
    expect(validateTip({ ...state, anonymous: false }, [], NOW).map((e) => e.key)).toEqual(['tip.error.contactMissing']);
    expect(validateTip({ ...state, anonymous: false, contactEmail: 'geen adres', contactPhone: 'abc' }, [], NOW).map((e) => e.key)).toEqual(['tip.error.email', 'tip.error.phone']);
    expect(validateTip({ ...state, anonymous: true, contactEmail: 'geen adres' }, [], NOW)).toEqual([]);
  });
});

describe('tipRequest', () => {
  const filled: TipFormState = { text: ' Man met rode jas ', observedAt: '2026-11-29T10:15', location: { lat: 52.0907123456, lon: 5.1214987654, accuracyM: 12.6 }, anonymous: false, contactName: 'An', contactEmail: 'an@example.nl', contactPhone: '06 12345678' };

  it('is what the server accepts (its own zod schema), for an appeal and for an organisation', () => {
    const forAppeal = tipRequest(filled, { appealId: 'ap1' });
    expect(tipInputSchema.parse(forAppeal)).toMatchObject({ appealId: 'ap1', text: 'Man met rode jas', anonymous: false, contact: { name: 'An', email: 'an@example.nl', phone: '06 12345678' }, location: { lat: 52.090712, lon: 5.121499, accuracyM: 13 } });
    expect(forAppeal.observedAt).toBe(new Date('2026-11-29T10:15').toISOString());
    expect(tipInputSchema.safeParse(tipRequest(INITIAL_TIP_STATE, { organisationId: 'org1' })).success).toBe(true);
  });

  it('sends no contact at all when anonymous, even if some was typed before', () => {
    const request = tipRequest({ ...filled, anonymous: true }, { appealId: 'ap1' });
    expect(request.contact).toBeUndefined();
    expect(JSON.stringify(request)).not.toContain('an@example.nl');
  });

  it('is accepted by the server for every valid form (property)', () => {
    const state = fc.record({
      text: fc.string({ maxLength: 200 }),
      observedAt: fc.constantFrom('', '2026-11-29T10:15', '2026-01-01T00:00'),
      location: fc.option(fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }), accuracyM: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })) }), { nil: null }),
      anonymous: fc.boolean(),
      contactName: fc.string({ maxLength: 300 }),
      contactEmail: fc.constantFrom('', 'a@b.nl', 'iemand@example.com'),
      contactPhone: fc.constantFrom('', '+31 6 1234 5678', '0612345678'),
    });
    fc.assert(
      fc.property(state, (s) => {
        fc.pre(validateTip(s, [jpeg()], NOW).length === 0);
        expect(tipInputSchema.safeParse(tipRequest(s, { appealId: 'x' })).success).toBe(true);
      }),
    );
  });
});

describe('the draft on the phone', () => {
  it('round-trips, per appeal', () => {
    const state: TipFormState = { ...INITIAL_TIP_STATE, text: 'Zag hem bij de Neude', location: { lat: 52.09, lon: 5.12, accuracyM: null } };
    expect(parseDraft(serialiseDraft(state, '2026-11-29T10:00:00.000Z'))).toEqual({ state, savedAt: '2026-11-29T10:00:00.000Z' });
    expect(draftKey({ appealId: 'a1' })).not.toBe(draftKey({ appealId: 'a2' }));
    expect(draftKey({ appealId: 'a1' })).not.toBe(draftKey({ organisationId: 'a1' }));
    expect(hasContent(INITIAL_TIP_STATE)).toBe(false);
    expect(hasContent(state)).toBe(true);
  });

  it('never throws on whatever is in storage, and never restores an invalid location', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(null)), (raw) => {
        const draft = parseDraft(raw);
        if (draft?.state.location) expect(Math.abs(draft.state.location.lat)).toBeLessThanOrEqual(90);
      }),
    );
    expect(parseDraft(JSON.stringify({ v: 1, savedAt: '2026-11-29T10:00:00Z', state: { text: 'x', location: { lat: 500, lon: 5 }, anonymous: 'nee' } }))?.state).toMatchObject({ text: 'x', location: null, anonymous: true });
    expect(parseDraft(JSON.stringify({ v: 2, savedAt: '2026-11-29T10:00:00Z', state: {} }))).toBeNull();
  });
});

describe('the server’s refusals in plain words', () => {
  it('maps problem codes and statuses', () => {
    expect(failureKey({ status: 413, code: 'FILE_TOO_LARGE' })).toBe('tip.failure.tooBig');
    expect(failureKey({ status: 413, code: 'TOO_MANY_FILES' })).toBe('tip.failure.tooMany');
    expect(failureKey({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' })).toBe('tip.failure.fileType');
    expect(failureKey({ status: 422, code: 'IMAGE_DIMENSIONS_TOO_LARGE' })).toBe('tip.failure.tooManyPixels');
    expect(failureKey({ status: 422, code: 'IMAGE_TRUNCATED' })).toBe('tip.failure.badImage');
    expect(failureKey({ status: 429 })).toBe('tip.failure.busy');
    expect(failureKey({ status: 404, code: 'APPEAL_NOT_FOUND' })).toBe('tip.failure.notFound');
    expect(failureKey({ status: 502 })).toBe('tip.failure.server');
    expect(failureKey({ status: 400, code: 'VALIDATION_FAILED' })).toBe('tip.failure.general');
    expect(failureKey('offline')).toBe('tip.failure.offline');
  });

  it('gives a reference that can be read aloud', () => {
    expect(referenceOf('01a22712-c474-7472-b2e4-08b908a83a14')).toBe('08B9-08A8-3A14');
  });
});

describe('citizen paths', () => {
  it('routes appeals and the tip form', () => {
    expect(askPageOf('/citizen/oproep/abc')).toEqual({ page: 'appeal', appealId: 'abc' });
    expect(askPageOf('/citizen/oproep/abc/tip/')).toEqual({ page: 'tip', appealId: 'abc' });
    expect(askPageOf('/citizen/tip')).toEqual({ page: 'tip', appealId: null });
    expect(askPageOf('/citizen/oproep/%E0%A4%A')).toBeNull();
    expect(askPageOf('/citizen/oproep')).toBeNull();
    expect(citizenRouteOf('/citizen/oproep/abc')).toBe('ask');
    expect(citizenRouteOf('/citizen/tip')).toBe('ask');
    expect(citizenRouteOf('/citizen/oproepen')).toBe('notFound');
    expect(askTitleKey('/citizen/oproep/abc/tip')).toBe('tip.title');
    expect(organisationOf('?org=01a226e4-189e-7593')).toBe('01a226e4-189e-7593');
    expect(organisationOf('?org=<script>')).toBeNull();
  });
});

describe('the area sketch', () => {
  it('draws a circle to scale with a round scale bar', () => {
    const sketch = areaSketch({ type: 'circle', center: { lat: 52.0907, lon: 5.1214 }, radiusM: 800 }, 320, 200, 24)!;
    expect(sketch.extentM.width).toBeGreaterThan(1500);
    expect(sketch.extentM.width).toBeLessThan(1700);
    expect([200, 250, 500]).toContain(sketch.scaleM);
    expect(sketch.path.startsWith('M')).toBe(true);
  });

  it('draws a polygon around its centre', () => {
    const sketch = areaSketch({ type: 'polygon', coordinates: [[[5.1, 52.08], [5.14, 52.08], [5.14, 52.1], [5.1, 52.08]]] }, 320, 200, 24)!;
    expect(sketch.centreDeg.lat).toBeCloseTo(52.09, 5);
    expect(sketch.centreDeg.lon).toBeCloseTo(5.12, 5);
  });
});

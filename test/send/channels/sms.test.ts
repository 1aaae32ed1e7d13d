import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsChannel, smsText } from '#send/channels/sms.ts';
import { smsSegments } from '#send/channels/sms-segments.ts';
import { startFakeSmsGateway, type FakeSmsGateway } from '#test/support/fake-sms-gateway.ts';
import { buildOutgoingMessage, buildRecipient, never } from './build-message.ts';

describe('smsSegments', () => {
  it('counts GSM-7 texts in septets: 160 single, 153 per part; extension characters count 2', () => {
    expect(smsSegments('')).toMatchObject({ segments: 0, units: 0 });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('Café à Zürich: 5 €')).toMatchObject({ encoding: 'GSM-7', units: 19 });
    // An escape pair is never split: 152 septets then "€" does not fit in the first part.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ units: 306, segments: 3 });
  });

  it('switches to UCS-2 for any other character, counting UTF-16 code units: 70 single, 67 per part', () => {
    expect(smsSegments('Brand in Straße ç')).toMatchObject({ encoding: 'UCS-2' });
    expect(smsSegments('…'.repeat(70))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments('…'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsSegments('🚒'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // A surrogate pair is never split: 66 units then an emoji go to a second part.
    expect(smsSegments(`${'ê'.repeat(66)}🚒${'ê'.repeat(66)}`)).toMatchObject({ units: 134, segments: 3 });
  });

  it('property: segments are the fewest greedy parts; GSM-7 iff every character is in the GSM tables', () => {
    const gsm = fc.string({ unit: fc.constantFrom(...'@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#%&\'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà^{}\\[~]|€'), maxLength: 700 });
    const any = fc.string({ unit: 'grapheme', maxLength: 300 });
    fc.assert(
      fc.property(fc.oneof(gsm, any), (text) => {
        const s = smsSegments(text);
        const [single, multi] = s.encoding === 'GSM-7' ? [160, 153] : [70, 67];
        if (s.units === 0) expect(s.segments).toBe(0);
        else if (s.units <= single) expect(s.segments).toBe(1);
        else {
          expect(s.segments).toBeGreaterThanOrEqual(Math.ceil(s.units / multi));
          expect(s.segments).toBeLessThanOrEqual(Math.ceil(s.units / (multi - 1)));
        }
        if (s.encoding === 'UCS-2') expect(s.units).toBe(text.length);
        else expect(s.units).toBeGreaterThanOrEqual([...text].length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('SMS channel', () => {
  let gateway: FakeSmsGateway;
  beforeAll(async () => {
    gateway = await startFakeSmsGateway();
  });
  afterAll(() => gateway.close());
  const channel = () => createSmsChannel({ gatewayUrl: gateway.url, token: gateway.token });

  it('sends headline, instruction and link with the idempotency key as reference; a retry sends once', async () => {
    const message = buildOutgoingMessage({ status: 'Exercise' });
    const recipient = buildRecipient({ address: '+31 6 12345678' });
    const outcome = await channel().deliver(message, recipient, 'm1:sms:r1', never);
    expect(outcome).toEqual({ outcome: 'delivered', externalId: gateway.sent[0]!.id });
    expect(await channel().deliver(message, recipient, 'm1:sms:r1', never)).toEqual(outcome);
    expect(gateway.sent).toHaveLength(1);
    expect(gateway.sent[0]).toMatchObject({ to: '+31612345678', reference: 'm1:sms:r1', text: `OEFENING - Erg druk rond de Jaarbeurs\n${message.instruction}\n${message.url}` });
    expect(smsSegments(gateway.sent[0]!.text).encoding).toBe('GSM-7');
    expect(channel().preview(message)).toMatchObject({ unit: 'segments', length: 2, limit: 3, problems: [] });
  });

  it('shortens to the segment limit without leaving GSM-7', () => {
    const text = smsText(buildOutgoingMessage({ instruction: 'Blijf binnen en sluit ramen en deuren. '.repeat(20) }), 2)!;
    expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(text).toContain('...');
  });

  it('maps gateway answers: 401 → failed, 429 → retry, 503 → retry, bad number → gone, garbage 200 → delivered', async () => {
    const bad = createSmsChannel({ gatewayUrl: gateway.url, token: 'wrong' });
    expect((await bad.deliver(buildOutgoingMessage(), buildRecipient({ address: '+31612345678' }), 'x1', never)).outcome).toBe('failed');
    gateway.answers.push({ status: 429, body: '{}', headers: { 'retry-after': '5' } });
    expect(await channel().deliver(buildOutgoingMessage(), buildRecipient({ address: '+31612345678' }), 'x2', never)).toMatchObject({ outcome: 'retry', retryAfterMs: 5000 });
    gateway.answers.push({ status: 503, body: 'down' });
    expect((await channel().deliver(buildOutgoingMessage(), buildRecipient({ address: '+31612345678' }), 'x3', never)).outcome).toBe('retry');
    expect((await channel().deliver(buildOutgoingMessage(), buildRecipient({ address: '0612345678' }), 'x4', never)).outcome).toBe('gone');
    gateway.answers.push({ status: 200, body: 'OK' });
    expect(await channel().deliver(buildOutgoingMessage(), buildRecipient({ address: '+31612345678' }), 'x5', never)).toEqual({ outcome: 'delivered' });
    const down = createSmsChannel({ gatewayUrl: 'http://127.0.0.1:1/messages', token: 't' });
    expect((await down.deliver(buildOutgoingMessage(), buildRecipient({ address: '+31612345678' }), 'x6', never)).outcome).toBe('retry');
  });
});

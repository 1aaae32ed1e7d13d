import { describe, expect, it } from 'vitest';
import type { AnalysedPost } from '#watch/analysis.ts';
import { ANALYSED_EVENT_POSTS, analysedEventPayloads, receivedEventPayloads } from '#watch/events.ts';
import { buildIncomingPost } from '#test/support/posts.ts';

const NATS_DEFAULT_MAX_PAYLOAD = 1024 * 1024;

function analysed(text: string, i: number): AnalysedPost {
  const { authorHandle: _none, ...post } = buildIncomingPost({ text, hashtags: ['zomerfeest'], mentions: ['gemeente'] });
  return {
    ...post,
    id: `post-${i}`,
    organisationId: 'org',
    receivedAt: '2026-07-04T20:00:00.000Z',
    analysis: {
      relevant: true, relevance: 0.9, category: 'crowd_safety', priority: 'high', confidence: 0.8,
      explanation: Array.from({ length: 8 }, (_, k) => ({ feature: `w:woord${k}`, weight: 0.5 })),
      language: 'nl', places: [{ name: 'Neude', kind: 'street' }], location: { lat: 52.09, lon: 5.12, precision: 'place', placeName: 'Neude' }, nearDuplicateOf: null, feedback: null,
    },
  };
}

describe('batched watch events', () => {
  it('splits analysed posts into events that stay well inside a NATS message, whatever the texts', () => {
    const short = Array.from({ length: 600 }, (_, i) => analysed(`Druk bij de uitgang ${i}`, i));
    const long = Array.from({ length: 120 }, (_, i) => analysed('"Stroomstoring" \u00e9n \u2028 rook '.repeat(800).slice(0, 20_000), i));
    for (const posts of [short, long, [...short.slice(0, 100), ...long.slice(0, 30)]]) {
      const payloads = analysedEventPayloads(posts);
      expect(payloads.flatMap((p) => p.posts)).toEqual(posts);
      for (const payload of payloads) {
        expect(payload.posts.length).toBeLessThanOrEqual(ANALYSED_EVENT_POSTS);
        expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(NATS_DEFAULT_MAX_PAYLOAD / 2);
      }
    }
    expect(analysedEventPayloads(short).length).toBeLessThanOrEqual(4);
  });

  it('announces received posts in events of at most 1,000 posts', () => {
    const posts = Array.from({ length: 2_001 }, (_, i) => analysed(`Druk ${i}`, i));
    expect(receivedEventPayloads(posts).map((p) => p.posts.length)).toEqual([1000, 1000, 1]);
    expect(receivedEventPayloads([])).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPublicFeeds } from '#send/feeds/build-feeds.ts';
import { createFeedChannel } from '#send/channels/feed.ts';
import { buildOutgoingMessage, never } from '../channels/build-message.ts';
import { xmllint } from '../cap/xmllint.ts';

const options = {
  homeUrl: 'https://waakzaam.example/utrecht',
  feedUrls: { rss: 'https://waakzaam.example/utrecht/feed.rss', atom: 'https://waakzaam.example/utrecht/feed.atom', json: 'https://waakzaam.example/utrecht/feed.json' },
  title: 'Berichten van Gemeente Utrecht',
  description: 'Openbare berichten',
  author: 'Gemeente Utrecht',
  language: 'nl' as const,
};

describe('public feeds', () => {
  it('RSS 2.0, Atom 1.0 and JSON Feed 1.1 with the messages newest first, exercises marked', () => {
    const older = buildOutgoingMessage({ id: 'a', url: 'https://waakzaam.example/b/a', sentAt: '2026-07-04T18:00:00Z' });
    const newer = buildOutgoingMessage({ id: 'b', url: 'https://waakzaam.example/b/b', status: 'Exercise' });
    const feeds = buildPublicFeeds([older, newer], options);
    expect(xmllint([feeds.rss, feeds.atom]).ok).toBe(true);
    expect(feeds.rss).toContain('<rss version="2.0"');
    expect(feeds.atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feeds.rss.indexOf('/b/b')).toBeLessThan(feeds.rss.indexOf('/b/a'));
    const json = JSON.parse(feeds.json) as { version: string; items: Array<{ id: string; title: string; date_published: string }> };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((i) => i.id)).toEqual(['https://waakzaam.example/b/b', 'https://waakzaam.example/b/a']);
    expect(json.items[0]!.title).toBe('OEFENING — Erg druk rond de Jaarbeurs');
  });

  it('property: any text (]]>, XML specials, control characters) keeps both XML feeds well-formed', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', ']]>', ']]', '\u0001', '\uFFFF', '\uDC00', '"', '🚒'), fc.string({ unit: 'grapheme', maxLength: 3 })), minLength: 1, maxLength: 30 });
    const samples = fc.sample(fc.record({ headline: text, body: text, topic: text }), 40);
    const docs = samples.flatMap((s) => {
      const feeds = buildPublicFeeds([buildOutgoingMessage({ headline: s.headline, body: s.body, topics: [s.topic] })], { ...options, title: s.headline });
      JSON.parse(feeds.json);
      return [feeds.rss, feeds.atom];
    });
    const verdict = xmllint(docs);
    expect(verdict.output).toBe('');
    expect(verdict.ok).toBe(true);
  });

  it('the feed channel tells onPublish and retries when it fails', async () => {
    const seen: string[] = [];
    const channel = createFeedChannel({ onPublish: async (m) => void seen.push(m.id) });
    expect(await channel.deliver(buildOutgoingMessage(), null, 'k', never)).toEqual({ outcome: 'delivered', externalId: buildOutgoingMessage().url });
    expect(seen).toEqual([buildOutgoingMessage().id]);
    const failing = createFeedChannel({ onPublish: () => Promise.reject(new Error('cache down')) });
    expect((await failing.deliver(buildOutgoingMessage(), null, 'k', never)).outcome).toBe('retry');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed, type ParsedFeed } from '#watch/connectors/rss/parse.ts';
import { buildAtomFeed, buildRdfFeed, buildRssFeed, type FeedItemSpec } from '#test/support/fake-feeds.ts';

const BASE = 'https://nieuws.example.nl/feed.xml';

function feed(text: string): ParsedFeed {
  const result = parseFeed(text, BASE);
  if (!result.ok) throw new Error(result.reason);
  return result.feed;
}

describe('parseFeed: RSS 2.0', () => {
  it('reads guid, link, title, HTML description as text, RFC 822 date, author, categories, enclosures and media', () => {
    const doc = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:georss="http://www.georss.org/georss">
<channel><title>Politie Utrecht</title><link>https://politie.example.nl/</link><language>nl-NL</language>
<item>
  <title>Brand in &lt;b&gt;Lombok&lt;/b&gt;</title>
  <link>/nieuws/1</link>
  <guid isPermaLink="false">12345</guid>
  <description><![CDATA[<p>Rook&nbsp;bij de <a href="x">Kanaalstraat</a>.</p><script>alert(1)</script><p>Ramen dicht.</p>]]></description>
  <pubDate>Sat, 04 Jul 2026 21:15:00 +0200</pubDate>
  <author>pers@politie.example.nl (Team Communicatie)</author>
  <category>Brand</category><category>Utrecht West</category>
  <enclosure url="https://politie.example.nl/img/1.jpg" type="image/jpeg" length="100"/>
  <media:content url="https://politie.example.nl/v/1.mp4" type="video/mp4"/>
  <media:thumbnail url="javascript:alert(1)"/>
  <georss:point>52.0907 5.1214</georss:point>
</item></channel></rss>`;
    const parsed = feed(doc);
    expect(parsed).toMatchObject({ format: 'rss', title: 'Politie Utrecht', link: 'https://politie.example.nl/', language: 'nl' });
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]).toEqual({
      id: '12345',
      link: 'https://nieuws.example.nl/nieuws/1',
      links: [
        { href: 'https://nieuws.example.nl/nieuws/1', rel: 'alternate', type: null },
        { href: 'https://politie.example.nl/img/1.jpg', rel: 'enclosure', type: 'image/jpeg' },
      ],
      title: 'Brand in Lombok',
      summary: 'Rook bij de Kanaalstraat.\n\nRamen dicht.',
      published: '2026-07-04T19:15:00.000Z',
      updated: null,
      author: 'Team Communicatie',
      categories: ['Brand', 'Utrecht West'],
      media: [
        { url: 'https://politie.example.nl/img/1.jpg', type: 'image/jpeg' },
        { url: 'https://politie.example.nl/v/1.mp4', type: 'video/mp4' },
      ],
      point: { lat: 52.0907, lon: 5.1214 },
      embedded: [],
    });
  });

  it('uses a permalink guid as the link when there is no <link>', () => {
    const doc = '<rss><channel><title>x</title><item><title>t</title><guid>https://x.nl/a</guid></item><item><title>u</title><guid isPermaLink="false">https://x.nl/b</guid></item></channel></rss>';
    const [a, b] = feed(doc).items;
    expect(a!.link).toBe('https://x.nl/a');
    expect(b!.link).toBeNull();
  });
});

describe('parseFeed: Atom 1.0', () => {
  it('reads id, alternate link, text/html/xhtml constructs, published/updated, author, categories, and embedded XML', () => {
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl"><title type="html">Gemeente &amp;lt;Utrecht&amp;gt;</title><author><name>Gemeente Utrecht</name></author>
<entry><id>tag:utrecht.nl,2026:1</id><title>Afsluiting</title><updated>2026-07-04T19:00:00Z</updated><published>2026-07-04T18:00:00+02:00</published>
  <link rel="alternate" type="text/html" href="https://utrecht.example.nl/1"/><link rel="enclosure" type="image/png" href="https://utrecht.example.nl/1.png"/>
  <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>De <b>Catharijnesingel</b> is dicht.</p><p>Omleiding via Vredenburg.</p></div></summary>
  <category term="verkeer" label="Verkeer"/><category term="wegwerkzaamheden"/></entry>
<entry><id>urn:x:2</id><title type="text">Tekst &amp; uitleg</title><updated>2026-07-04T19:30:00Z</updated><content type="html">&lt;p&gt;Inhoud&lt;/p&gt;</content><author><name>Redactie</name></author></entry>
</feed>`;
    const parsed = feed(doc);
    expect(parsed).toMatchObject({ format: 'atom', title: 'Gemeente <Utrecht>', language: 'nl', link: null });
    const [first, second] = parsed.items;
    expect(first).toMatchObject({
      id: 'tag:utrecht.nl,2026:1',
      link: 'https://utrecht.example.nl/1',
      title: 'Afsluiting',
      summary: 'De Catharijnesingel is dicht.\nOmleiding via Vredenburg.',
      published: '2026-07-04T16:00:00.000Z',
      updated: '2026-07-04T19:00:00.000Z',
      author: 'Gemeente Utrecht',
      categories: ['Verkeer', 'wegwerkzaamheden'],
    });
    expect(second).toMatchObject({ title: 'Tekst & uitleg', summary: 'Inhoud', author: 'Redactie', published: '2026-07-04T19:30:00.000Z' });
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items that are siblings of the channel, with rdf:about as id and dc:date', () => {
    const parsed = feed(buildRdfFeed({ title: 'RDF', items: [{ id: 'https://x.nl/1', title: 'Een', description: '<i>één</i>', date: new Date('2026-07-04T19:00:00Z') }] }));
    expect(parsed).toMatchObject({ format: 'rdf', title: 'RDF' });
    expect(parsed.items[0]).toMatchObject({ id: 'https://x.nl/1', link: 'https://x.nl/1', title: 'Een', summary: 'één', published: '2026-07-04T19:00:00.000Z' });
  });
});

describe('parseFeed: refusals', () => {
  it('says why a document is not a feed', () => {
    expect(parseFeed('<html><body/></html>', BASE)).toEqual({ ok: false, reason: expect.stringMatching(/not a feed: the root element is <html>/) });
    expect(parseFeed('<rss version="2.0"/>', BASE)).toEqual({ ok: false, reason: 'not a feed: <rss> has no <channel>' });
    expect(parseFeed('<rss><channel><item></channel></rss>', BASE)).toEqual({ ok: false, reason: expect.stringMatching(/^malformed XML at line 1/) });
  });
});

const safeText = fc
  .string({ minLength: 1, maxLength: 40 })
  // eslint-disable-next-line no-control-regex
  .map((s) => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff<>&]/g, '').trim())
  .filter((s) => s !== '');

const itemSpec: fc.Arbitrary<FeedItemSpec> = fc.record({
  id: fc.uuid().map((u) => `urn:uuid:${u}`),
  title: safeText,
  description: safeText,
  link: fc.webUrl({ validSchemes: ['https'] }),
  date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000)),
  categories: fc.array(safeText, { maxLength: 3 }),
});

describe('parseFeed: properties', () => {
  it('parses every generated RSS, Atom and RDF feed with all its items, ids, titles, texts and dates', () => {
    fc.assert(
      fc.property(fc.constantFrom(buildRssFeed, buildAtomFeed, buildRdfFeed), fc.array(itemSpec, { maxLength: 8 }), (build, items) => {
        const parsed = feed(build({ title: 'Feed', items }));
        expect(parsed.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
        expect(parsed.items.map((i) => i.title)).toEqual(items.map((i) => i.title.replace(/\s+/g, ' ')));
        expect(parsed.items.map((i) => i.summary)).toEqual(items.map((i) => i.description!.replace(/\s+/g, ' ')));
        expect(parsed.items.map((i) => i.published)).toEqual(items.map((i) => i.date!.toISOString()));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary text or on damaged feeds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(typeof parseFeed(text, BASE).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(itemSpec, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (items, cut, drop) => {
        const doc = buildRssFeed({ title: 'F', items });
        const at = cut % doc.length;
        const damaged = doc.slice(0, at) + doc.slice(at + (drop % 20));
        expect(typeof parseFeed(damaged, BASE).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

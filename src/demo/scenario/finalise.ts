import { PRIORITIES, type Priority } from '#core/taxonomy.ts';
import type { Draft } from './drafts.ts';
import { PLACES } from './places.ts';
import type { Rng } from './random.ts';
import type { EventScript } from './script.ts';
import { isoOf, localTime } from './time.ts';
import type { ScenarioEvent, ScenarioMedia, ScenarioPost } from './types.ts';

/**
 * Turns drafts into the recorded stream: sorted by time, numbered, with the URLs and media links
 * each network would give, and the events file with the counts derived from the posts.
 */
const LANG_HINT_OMITTED = 0.3;

export function finalisePosts(rng: Rng, drafts: readonly Draft[]): ScenarioPost[] {
  const ordered = [...drafts].sort((a, b) => a.t - b.t || a.seq - b.seq);
  const ids = new Map<Draft, string>();
  const media = new Map<Draft, ScenarioMedia[]>();
  const width = Math.max(6, String(ordered.length).length);
  return ordered.map((d, i) => {
    const id = `fx-${String(i + 1).padStart(width, '0')}`;
    ids.set(d, id);
    const source = d.persona.source;
    const post: ScenarioPost = {
      id,
      source,
      author: d.persona.name === undefined ? { handle: d.persona.handle } : { handle: d.persona.handle, name: d.persona.name },
      text: d.text,
      createdAt: isoOf(d.t),
      truth: d.truth,
    };
    if (source === 'rss' || ((source === 'mastodon' || source === 'bluesky') && !rng.chance(LANG_HINT_OMITTED))) post.lang = d.lang;
    post.url = statusUrl(d, rng);
    if (d.geo) post.geo = d.geo;
    if (d.relation && d.parent) {
      const parentId = ids.get(d.parent);
      if (!parentId) throw new Error(`draft ${d.seq} refers to a later post`);
      if (d.relation === 'reply') post.replyTo = parentId;
      else if (d.relation === 'repost') post.repostOf = parentId;
      else post.quoteOf = parentId;
    }
    if (d.mentions.length > 0) post.mentions = d.mentions;
    // A boost shows the original's attachments under the same URLs.
    const attached = d.relation === 'repost' && d.parent ? media.get(d.parent) : d.media?.map((type) => ({ url: mediaUrl(d, type, rng), type }));
    if (attached && attached.length > 0) {
      media.set(d, attached);
      post.media = attached;
    }
    return post;
  });
}

function statusUrl(d: Draft, rng: Rng): string {
  const handle = d.persona.handle;
  switch (d.persona.source) {
    case 'mastodon': {
      const [, user, host] = /^@([^@]+)@(.+)$/.exec(handle)!;
      // Mastodon ids are snowflakes: milliseconds shifted left 16 bits plus a sequence.
      const id = (BigInt(d.t * 1000 + rng.int(0, 999)) << 16n) + BigInt(d.seq % 65536);
      return `https://${host}/@${user}/${id}`;
    }
    case 'bluesky':
      return `https://bsky.app/profile/${handle.slice(1)}/post/${tid(d.t * 1_000_000 + rng.int(0, 999_999), d.seq % 1024)}`;
    case 'rss':
      return `https://${handle.replace(/^rss:/, '')}/${d.path ?? `nieuws/${d.seq}`}`;
    case 'p2000':
      return `https://p2000.example/utrecht/melding/${d.t}${String(d.seq % 100).padStart(2, '0')}`;
  }
}

const BASE32_SORT = '234567abcdefghijklmnopqrstuvwxyz';

/** An AT Protocol record key (TID): microseconds and a clock id in sortable base32. */
function tid(micros: number, clock: number): string {
  let value = (BigInt(micros) << 10n) | BigInt(clock);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = BASE32_SORT[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

function hex(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[rng.int(0, 15)]!;
  return out;
}

function mediaUrl(d: Draft, type: ScenarioMedia['type'], rng: Rng): string {
  const ext = type === 'video' ? 'mp4' : 'jpg';
  if (d.persona.source === 'mastodon') {
    const host = d.persona.handle.split('@')[2]!;
    return `https://${host}/system/media_attachments/files/${hex(rng, 3)}/${hex(rng, 3)}/${hex(rng, 3)}/original/${hex(rng, 16)}.${ext}`;
  }
  if (d.persona.source === 'bluesky') {
    return type === 'video' ? `https://video.bsky.example/watch/${hex(rng, 24)}/playlist.m3u8` : `https://cdn.bsky.example/img/feed_fullsize/plain/${hex(rng, 32)}@jpeg`;
  }
  return `https://media.example/${hex(rng, 20)}.${ext}`;
}

/** The storyline as ground truth, with counts taken from the posts actually generated. */
export function finaliseEvents(script: readonly EventScript[], posts: readonly ScenarioPost[]): ScenarioEvent[] {
  return script.map((e) => {
    const own = posts.filter((p) => p.truth.eventId === e.id);
    const firstOfficial = own.find((p) => p.truth.official);
    if (!firstOfficial) throw new Error(`event ${e.id} has no official report`);
    const reportAt = firstOfficial.createdAt;
    const place = PLACES[e.place];
    return {
      id: e.id,
      title: e.title,
      category: e.category,
      priority: highest(own.map((p) => p.truth.priority)),
      start: isoOf(localTime(e.start)),
      end: isoOf(localTime(e.end)),
      place: { name: place.name, lat: place.lat, lon: place.lon },
      officialReportAt: reportAt,
      description: e.description,
      stats: {
        posts: own.length,
        postsBeforeOfficialReport: own.filter((p) => p.createdAt < reportAt).length,
        reposts: own.filter((p) => p.repostOf !== undefined).length,
      },
    };
  });
}

function highest(priorities: readonly (Priority | null)[]): Priority | null {
  let best = -1;
  for (const p of priorities) if (p !== null) best = Math.max(best, PRIORITIES.indexOf(p));
  return best < 0 ? null : PRIORITIES[best]!;
}

import { BACKGROUND_PHASES, pagerNoise, PROGRAMME_POSTS } from './background.ts';
import { CHATTER_INTENSITY, CHATTER_QUOTES, CHATTER_REPLIES, CHATTER_TOPICS } from './chatter.ts';
import { pickParent, Thread, Writer, type Voice } from './drafts.ts';
import { STORYLINE } from './events.ts';
import { finaliseEvents, finalisePosts } from './finalise.ts';
import { playPhases, playScripted, type Keyed } from './phases.ts';
import { FESTIVAL_PLACES } from './places.ts';
import { PersonaPool } from './personas.ts';
import { Rng } from './random.ts';
import { SLOTS, FESTIVAL_TAGS } from './slots.ts';
import { localTime, sampleCurve } from './time.ts';
import { EMOJI, type Mood } from './voices.ts';
import type { PostTruth, Scenario, ScenarioOptions } from './types.ts';

/** The seed of the committed scenario: the date of the evening. */
export const DEFAULT_SEED = 20260704;
export const DEFAULT_POSTS = 6000;
/** Below this the storyline's minimum build-up would crowd out the chatter it must stand out from. */
export const MIN_POSTS = 500;
export const MAX_POSTS = 2_000_000;

/** Safety-relevant posts outside the storyline, and P2000 lines from elsewhere, at the default scale. */
const BACKGROUND_VOLUME = 60;
const PAGER_VOLUME = 20;

/** Tourists and expats: about one chatter post in seven is in English. */
const CHATTER_ENGLISH = 0.145;

const CHATTER_TRUTH: PostTruth = { eventId: null, category: null, relevant: false, priority: null, official: false };

/**
 * Generates the festival evening: the storyline's events with their build-up, official reports
 * and follow-up, safety-relevant background and the chatter around it, as lines sorted by time.
 * Deterministic: the same options give the same scenario, to the byte once serialised.
 */
export function generateScenario(options: ScenarioOptions = {}): Scenario {
  const seed = options.seed ?? DEFAULT_SEED;
  const total = options.posts ?? DEFAULT_POSTS;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(total) || total < MIN_POSTS || total > MAX_POSTS) {
    throw new RangeError(`posts must be an integer from ${MIN_POSTS} to ${MAX_POSTS}, got ${total}`);
  }
  const scale = total / DEFAULT_POSTS;
  const root = new Rng(seed);
  const people = new PersonaPool(root.fork('personas'), Math.min(20_000, Math.max(200, Math.round(700 * Math.sqrt(scale)))));
  const writer = new Writer(people, slotTable());
  const keyed: Keyed = new Map();

  const chatter = new Thread();
  playScripted(writer, PROGRAMME_POSTS, null, null, chatter, keyed);
  playScripted(writer, pagerNoise(root.fork('pager'), Math.max(3, Math.round(PAGER_VOLUME * scale))), null, null, new Thread(), keyed);

  const threads = new Map<string, Thread>();
  for (const event of STORYLINE) {
    const thread = new Thread();
    threads.set(event.id, thread);
    playScripted(writer, event.scripted, event.id, event.category, thread, keyed);
  }
  for (const event of STORYLINE) {
    playPhases(root.fork(event.id), writer, {
      eventId: event.id,
      category: event.category,
      phases: event.phases,
      volume: event.volume * scale,
      thread: threads.get(event.id)!,
      related: (event.related ?? []).map((id) => threads.get(id)!),
    });
  }
  playPhases(root.fork('background'), writer, {
    eventId: null, category: null, phases: BACKGROUND_PHASES, volume: BACKGROUND_VOLUME * scale, thread: new Thread(), related: [],
  });

  const remaining = total - writer.drafts.length;
  if (remaining < 0) throw new RangeError(`posts too small for the storyline: needs more than ${writer.drafts.length}`);
  playChatter(root.fork('chatter'), writer, chatter, remaining);

  const posts = finalisePosts(root.fork('finalise'), writer.drafts);
  return { posts, events: finaliseEvents(STORYLINE, posts) };
}

/** The background: topics by hour, with reposts of whoever has reach, replies and a few quotes. */
function playChatter(rng: Rng, writer: Writer, thread: Thread, count: number): void {
  const topics = CHATTER_TOPICS.map((topic) => ({ topic, from: localTime(topic.from), to: localTime(topic.to) }));
  for (const t of sampleCurve(rng, CHATTER_INTENSITY, count)) {
    const active = topics.filter((x) => x.from <= t && t < x.to);
    const { topic } = rng.weighted(active.length > 0 ? active : topics, (x) => x.topic.weight);
    const voice: Voice = { mood: topic.mood, hashtags: FESTIVAL_TAGS };
    const roll = rng.next();
    const reposting = roll < 0.1;
    let parent = roll < 0.185 ? pickParent(rng, [thread], t, { tau: reposting ? 3600 : 1200, byReach: reposting, withReplies: !reposting && roll < 0.17 }) : undefined;
    if (parent && roll >= 0.1 && parent.persona.official) parent = undefined;
    const draft = !parent
      ? writer.original(rng, t, topic.bank, CHATTER_ENGLISH, voice, (author) => (topic.remote ? author.home : rng.pick(FESTIVAL_PLACES)), CHATTER_TRUTH, topic)
      : roll < 0.1
        ? writer.repost(rng, t, parent)
        : writer.respond(rng, t, parent, roll < 0.17 ? 'reply' : 'quote', roll < 0.17 ? CHATTER_REPLIES : CHATTER_QUOTES, { mood: 'laugh', hashtags: [] }, CHATTER_TRUTH);
    thread.push(draft);
  }
}

/** The shared slot table plus `{emo_<mood>}` slots (which may also come out empty). */
function slotTable(): Record<string, readonly string[]> {
  const table: Record<string, readonly string[]> = { ...SLOTS };
  for (const [mood, set] of Object.entries(EMOJI) as [Mood, readonly string[]][]) table[`emo_${mood}`] = ['', ...set, `${set[0]}${set[0]}`];
  return table;
}

import type { CategoryId } from '#core/taxonomy.ts';
import { lower, pickParent, type Draft, type Thread, type Voice, type Writer } from './drafts.ts';
import { FESTIVAL_TAGS } from './slots.ts';
import type { Rng } from './random.ts';
import type { Phase, ScriptedPost } from './script.ts';
import { localTime, sampleTimes } from './time.ts';
import type { PostTruth } from './types.ts';

/**
 * Plays one storyline entry: its scripted posts at their fixed times (playScripted), then each
 * phase's posts in time order (playPhases), each one an original, a copy, a repost, a reply or
 * a quote of what came before.
 */
export interface EventRun {
  eventId: string | null;
  category: CategoryId | null;
  phases: readonly Phase[];
  /** Number of phase posts wanted, before minimums. */
  volume: number;
  thread: Thread;
  /** Threads whose posts may be quoted, beside the event's own. */
  related: readonly Thread[];
}

/** Keyed scripted drafts per network, so later scripted posts can reply to or repost them. */
export type Keyed = Map<string, Draft>;

export function playScripted(writer: Writer, posts: readonly ScriptedPost[], eventId: string | null, eventCategory: CategoryId | null, thread: Thread, keyed: Keyed): void {
  for (const post of posts) {
    const personas = writer.people.accountPersonas(post.account).filter((p) => !post.sources || post.sources.includes(p.source));
    personas.forEach((persona, i) => {
      const parentKey = post.replyTo ?? post.repostOf ?? post.quoteOf;
      const parent = parentKey === undefined ? undefined : keyed.get(`${parentKey}|${persona.source}`);
      if (parentKey !== undefined && !parent) return;
      const relation = post.replyTo ? 'reply' : post.repostOf ? 'repost' : post.quoteOf ? 'quote' : undefined;
      const category = post.category === undefined ? (post.relevant === false ? null : eventCategory) : post.category;
      const truth: PostTruth = {
        eventId,
        category,
        relevant: post.relevant ?? category !== null,
        priority: post.priority ?? null,
        official: persona.official,
      };
      // Cross-posting tools publish to the second network a little later.
      const t = localTime(post.at) + i * 23;
      const draft = writer.add({
        t,
        persona,
        text: relation === 'repost' ? parent!.text : post.text,
        lang: relation === 'repost' ? parent!.lang : (post.lang ?? 'nl'),
        mentions: relation === 'repost' ? [...parent!.mentions] : [],
        truth,
        ...(relation ? { relation, parent } : {}),
        ...(post.media ? { media: [post.media] } : {}),
        ...(post.url ? { path: post.url } : {}),
      });
      thread.push(draft);
      if (post.key) keyed.set(`${post.key}|${persona.source}`, draft);
    });
  }
}

/** Number of posts each phase gets at this scale. */
export function phaseCounts(phases: readonly Phase[], volume: number): number[] {
  return phases.map((p) => Math.max(p.min ?? 1, Math.round(p.weight * volume)));
}

export function playPhases(rng: Rng, writer: Writer, run: EventRun): void {
  const counts = phaseCounts(run.phases, run.volume);
  const slots: { t: number; phase: Phase }[] = [];
  run.phases.forEach((phase, i) => {
    for (const t of sampleTimes(rng, localTime(phase.from), localTime(phase.to), counts[i]!, phase.shape)) slots.push({ t, phase });
  });
  slots.sort((a, b) => a.t - b.t);
  for (const { t, phase } of slots) playOne(rng, writer, run, phase, t);
}

function playOne(rng: Rng, writer: Writer, run: EventRun, phase: Phase, t: number): void {
  const category = phase.category === undefined ? run.category : phase.category;
  const truth: PostTruth = {
    eventId: run.eventId,
    category,
    relevant: phase.relevant ?? category !== null,
    priority: category === null ? null : phase.priority,
    official: false,
  };
  const voice: Voice = { mood: phase.mood, hashtags: [...FESTIVAL_TAGS, ...(phase.tags ?? [])] };
  const roll = rng.next();
  const repost = phase.repost ?? 0;
  const reply = phase.reply ?? 0;
  const quote = phase.quote ?? 0;
  let draft: Draft | undefined;
  if (roll < repost) {
    const parent = pickParent(rng, [run.thread], t, { tau: 1200, byReach: true, officialPull: phase.officialPull ?? 1 });
    if (parent) draft = writer.repost(rng, t, parent);
  } else if (roll < repost + reply && phase.replies) {
    const parent = pickParent(rng, [run.thread], t, { tau: 900, byReach: false, withReplies: true });
    if (parent) draft = writer.respond(rng, t, parent, 'reply', phase.replies, voice, { ...truth, priority: lower(truth.priority) });
  } else if (roll < repost + reply + quote && phase.quotes) {
    const parent = pickParent(rng, [run.thread, ...run.related], t, { tau: 900, byReach: true, officialPull: phase.officialPull ?? 1 });
    if (parent) draft = writer.respond(rng, t, parent, 'quote', phase.quotes, voice, truth);
  } else if (phase.copy && rng.chance(phase.copy)) {
    const source = pickParent(rng, [run.thread], t, { tau: 900, byReach: true });
    if (source && source.relation === undefined && !source.persona.official) draft = writer.copy(rng, t, source, truth, phase.place);
  }
  draft ??= writer.original(rng, t, phase.bank, phase.en ?? 0.1, voice, phase.place, truth, { image: phase.image ?? 0, video: phase.video ?? 0 });
  run.thread.push(draft);
  if (phase.answer && draft.relation === undefined) answer(rng, writer, run, phase, draft, voice);
}

const WEBCARE_CLOSES = '01:29';

/** Webcare: an official account replies to a question some minutes later. */
function answer(rng: Rng, writer: Writer, run: EventRun, phase: Phase, question: Draft, voice: Voice): void {
  const spec = phase.answer!;
  if (!rng.chance(spec.rate)) return;
  const account = writer.people.account(spec.account, question.persona.source);
  if (!account) return;
  const opens = spec.from ? localTime(spec.from) : question.t;
  const t = Math.max(question.t, opens) + 120 + Math.floor(rng.exponential(600));
  // Webcare signs off with the festival; later questions stay unanswered.
  if (t > localTime(WEBCARE_CLOSES)) return;
  const draft = writer.respond(rng, t, question, 'reply', spec.bank, voice, { ...question.truth, official: true }, account);
  run.thread.push(draft);
}

/**
 * Generates the labelled training corpus (data/training/) from the phrase banks, deterministically:
 * `node --import tsx src/watch/classify/training/generate.ts`. The 80/20 split is by template, not
 * by post, so the held-apart test split contains phrasings the model never saw (see README.md).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { ClassLabel } from '../labels.ts';
import { seededRandom, shuffle } from '#core/random.ts';
import { priorityMark, type Bank } from './banks/bank.ts';
import { EN_EXTRA, EN_NONE_EXTRA } from './banks/en-extra.ts';
import { EN_CAMERA, EN_FALSE_FRIENDS } from './banks/en-false-friends.ts';
import { EN_NONE } from './banks/en-none.ts';
import { EN_RELEVANT } from './banks/en-relevant.ts';
import { NL_EXTRA, NL_NONE_EXTRA } from './banks/nl-extra.ts';
import { NL_HAZARDS } from './banks/nl-hazards.ts';
import { NL_NONE } from './banks/nl-none.ts';
import { NL_OTHER } from './banks/nl-other.ts';
import { NL_FALSE_FRIENDS, NL_PRAISE } from './banks/nl-false-friends.ts';
import { NL_P2000 } from './banks/nl-p2000.ts';
import { NL_PEOPLE } from './banks/nl-people.ts';
import { SLOTS } from './banks/slots.ts';
import { addNoise } from './noise.ts';
import { readme } from './readme.ts';
import { expand, pick } from './template.ts';

export interface CorpusPost {
  text: string;
  label: ClassLabel;
  priority: Priority | null;
  lang: 'nl' | 'en';
  /** The bank and template the post came from (in memory only, for grouped cross-validation). */
  template?: string;
}

/**
 * The first banks, each with its extra phrasings, plus a bank of the extra `none` phrasings per
 * language; the P2000 and false-friend banks last, so that adding them left every earlier post
 * as it was.
 */
export const BANKS: Bank[] = [
  ...[...NL_HAZARDS, ...NL_PEOPLE, ...NL_OTHER].map((b) => withExtra(b, NL_EXTRA[b.label as CategoryId])),
  ...NL_NONE,
  { label: 'none', language: 'nl', priority: null, count: 170, emoji: ['😊', '🎉', '☀️', '😂'], hashtags: ['#weekend', '#zomer'], templates: NL_NONE_EXTRA },
  ...EN_RELEVANT.map((b) => withExtra(b, EN_EXTRA[b.label as CategoryId])),
  ...EN_NONE,
  { label: 'none', language: 'en', priority: null, count: 60, emoji: ['😊', '🎉', '☀️', '😂'], hashtags: ['#weekend', '#summer'], templates: EN_NONE_EXTRA },
  ...NL_P2000,
  ...NL_FALSE_FRIENDS,
  ...EN_FALSE_FRIENDS,
  ...NL_PRAISE,
  ...EN_CAMERA,
];

function withExtra(bank: Bank, extra: readonly string[]): Bank {
  const templates = [...bank.templates, ...extra];
  return { ...bank, templates, count: Math.round((bank.count * templates.length) / bank.templates.length / 1.25) };
}
const TEST_SHARE = 0.2;
const SEED = 20260704;

/** The corpus, split into train and test by template. */
export function generateCorpus(seed = SEED): { train: CorpusPost[]; test: CorpusPost[] } {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const train: CorpusPost[] = [];
  const test: CorpusPost[] = [];
  for (const bank of BANKS) {
    const order = shuffle(bank.templates.map((_, i) => i), random);
    const held = new Set(order.slice(0, Math.max(1, Math.round(bank.templates.length * TEST_SHARE))));
    for (let i = 0; i < bank.count; i++) {
      const index = order[i % order.length]!;
      const { priority, text } = priorityMark(bank.templates[index]!);
      for (let attempt = 0; attempt < 20; attempt++) {
        const clean = expand(text, SLOTS, random);
        const post = bank.machine ? clean : addNoise(clean, { language: bank.language, relevant: bank.label !== 'none', emoji: bank.emoji, hashtags: bank.hashtags, city: pick(SLOTS.city!, random) }, random);
        const key = post.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const row: CorpusPost = { text: post, label: bank.label, priority: bank.label === 'none' ? null : (priority ?? bank.priority), lang: bank.language, template: `${bank.label}/${bank.language}/${bank.count}/${index}` };
        (held.has(index) ? test : train).push(row);
        break;
      }
    }
  }
  return { train: shuffle(train, random), test: shuffle(test, random) };
}

function main(): void {
  const dir = resolve(import.meta.dirname, '../../../../data/training');
  const { train, test } = generateCorpus();
  const jsonl = (posts: CorpusPost[]): string => posts.map(({ text, label, priority, lang }) => JSON.stringify({ text, label, priority, lang })).join('\n') + '\n';
  writeFileSync(resolve(dir, 'train.jsonl'), jsonl(train));
  writeFileSync(resolve(dir, 'test.jsonl'), jsonl(test));
  writeFileSync(resolve(dir, 'README.md'), readme(train, test));
  process.stdout.write(`wrote ${train.length} training and ${test.length} test posts to ${dir}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();

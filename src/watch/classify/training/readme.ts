import { PRIORITIES } from '#core/taxonomy.ts';
import { CLASSES } from '../labels.ts';
import type { CorpusPost } from './generate.ts';

/** data/training/README.md, with the statistics of the generated files. */
export function readme(train: readonly CorpusPost[], test: readonly CorpusPost[]): string {
  const count = (posts: readonly CorpusPost[], f: (p: CorpusPost) => boolean): number => posts.filter(f).length;
  const all = [...train, ...test];
  const rows = CLASSES.map((label) => {
    const cells = [train, test].flatMap((set) => (['nl', 'en'] as const).map((lang) => count(set, (p) => p.label === label && p.lang === lang)));
    return `| ${label} | ${cells.join(' | ')} | ${cells.reduce((a, b) => a + b, 0)} |`;
  });
  const totals = [train, test].flatMap((set) => (['nl', 'en'] as const).map((lang) => count(set, (p) => p.lang === lang)));
  const priorities = PRIORITIES.map((p) => `| ${p} | ${count(all, (x) => x.priority === p)} |`);
  const nl = count(all, (p) => p.lang === 'nl');
  return `# Classifier training corpus

Labelled short posts for the Watch classifier (SPEC W4): \`train.jsonl\` (${train.length} posts) and
\`test.jsonl\` (${test.length} posts, held apart: never used for training or tuning).

## Provenance and licence
**Authored by the Waakzaam project; no post was copied from a social network or another data set.**
The posts are generated deterministically from phrase banks written for this purpose
(\`src/watch/classify/training/banks/\`), with slot values (Dutch towns, generic public places,
streets, times, names) and a noise step (chat abbreviations such as "mn", "ff", "ppl", typos,
casing, interjections, emoji, hashtags). P2000 pager lines (\`nl-p2000.ts\`) are machine-written
and get no noise; their labels follow docs/taxonomy.md, "P2000 pager messages".
The phrase banks were written independently of the demo
scenario generator (\`src/demo/scenario/\`) and leave out the scenario's venues, so scoring on
\`data/scenarios/festival-utrecht.jsonl\` is an out-of-domain test. It is not a blind one:
misclassified scenario posts were looked at during development to settle category boundaries
(docs/decisions/0007-classifier.md), so expect real data to score lower.

Released under **CC0 1.0** (public domain dedication): use it for anything.

Regenerate with \`node --import tsx src/watch/classify/training/generate.ts\` (same seed, same files).

## Format
One JSON object per line: \`{ "text", "label", "priority", "lang" }\`. \`label\` is a taxonomy id
(docs/taxonomy.md) or \`none\`; \`priority\` is \`low\`/\`medium\`/\`high\`/\`critical\`, or null for
\`none\`; \`lang\` is \`nl\` or \`en\`.

## Split
80/20 **by template**: a fifth of each bank's templates (at least one) produce only test posts. A
test post therefore never shares its phrasing with a training post (only the slot values and the
vocabulary of its category), which makes the test split a fairer estimate than a split by post
would be. It is still the same authors' phrasing: expect lower scores on real data and on the
scenario.

## Statistics
${all.length} posts; ${nl} Dutch (${Math.round((nl / all.length) * 100)}%), ${all.length - nl} English.

| label | train nl | train en | test nl | test en | total |
|---|---|---|---|---|---|
${rows.join('\n')}
| **total** | ${totals.join(' | ')} | ${all.length} |

Priorities of the relevant posts:

| priority | posts |
|---|---|
${priorities.join('\n')}
`;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { readLabelledFile, TEST_FILE, TRAIN_FILE } from '#watch/classify/dataset.ts';
import { generateCorpus } from '#watch/classify/training/generate.ts';

describe('the training corpus', () => {
  it('is what the generator makes (the files are reproducible)', () => {
    const { train, test } = generateCorpus();
    const lines = (file: string): string[] => readFileSync(file, 'utf8').trim().split('\n');
    const strip = (posts: typeof train): string[] => posts.map(({ text, label, priority, lang }) => JSON.stringify({ text, label, priority, lang }));
    expect(lines(TRAIN_FILE)).toEqual(strip(train));
    expect(lines(TEST_FILE)).toEqual(strip(test));
  });

  it('covers every label in both languages and both splits, mostly in Dutch, with much `none`', () => {
    const train = readLabelledFile(TRAIN_FILE);
    const test = readLabelledFile(TEST_FILE);
    const all = [...train, ...test];
    expect(all.length).toBeGreaterThanOrEqual(1500);
    expect(test.length / all.length).toBeGreaterThan(0.17);
    expect(test.length / all.length).toBeLessThan(0.25);
    const dutch = all.filter((p) => p.language === 'nl').length / all.length;
    expect(dutch).toBeGreaterThan(0.7);
    expect(dutch).toBeLessThan(0.8);
    expect(all.filter((p) => p.label === 'none').length / all.length).toBeGreaterThan(0.35);
    for (const set of [train, test]) {
      for (const label of ['none', ...CATEGORY_IDS]) {
        for (const lang of ['nl', 'en']) expect(set.some((p) => p.label === label && p.language === lang), `${label}/${lang}`).toBe(true);
      }
    }
    expect(new Set(all.map((p) => p.text.toLowerCase())).size).toBe(all.length);
    for (const p of all) expect(p.label === 'none' ? p.priority === null : p.priority !== null).toBe(true);
  });
});

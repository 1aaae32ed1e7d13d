import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
import { InlineAnalyser, ThreadAnalyser } from '#watch/pipeline/analysers.ts';
import { explanationJson } from '#watch/pipeline/analysis-store.ts';
import type { AnalysablePost } from '#watch/pipeline/analyse.ts';
import { ClassifierRegistry } from '#watch/pipeline/classifiers.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/stores.ts';

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const TEXTS = [
  'Brand in een snackbar bij Utrecht Centraal, veel rook! 112 is gebeld',
  'we zijn er bij catharijnesingel, vibes zijn goed',
  'Vechtpartij op de Neude, politie is er al',
  'train to Utrecht full of people going to the festival',
  'Doorgestuurd: Brand in een snackbar bij Utrecht Centraal, veel rook! 112 is gebeld',
  'wat een rook en lawaai bij de Domtoren vanavond',
];
const posts = (organisationId: string, from = 0): AnalysablePost[] =>
  TEXTS.map((text, i) => ({ id: `${organisationId}-${from + i}`, organisationId, text, language: null, location: i === 2 ? { lat: 52.09, lon: 5.12, precision: 'exact', placeName: null } : null }));

describe('analysis on a thread of its own (decision 0021)', () => {
  let tdb: TestDatabase;
  let registry: ClassifierRegistry;
  const closing: { close(): Promise<void> }[] = [];
  const inline = () => new InlineAnalyser({ enricher: new Enricher({ gazetteer: Gazetteer.load() }), classifiers: registry });

  beforeEach(async () => {
    tdb = await createTestDatabase('sqlite');
    registry = new ClassifierRegistry({ database: tdb.database });
  });
  afterEach(async () => {
    for (const c of closing.splice(0)) await c.close();
    await tdb.drop();
  });

  it('gives the analyses inline analysis gives, near duplicates included, in the order asked', async () => {
    const thread = new ThreadAnalyser({ classifiers: registry, fallback: inline });
    closing.push(thread);
    // Asked back to back, as the pipeline does: answered in order.
    const [one, two] = await Promise.all([thread.analyse(posts(ORG_A)), thread.analyse(posts(ORG_A, 10))]);
    const here = inline();
    const [first, second] = [one.analyses, two.analyses];
    expect(first).toEqual((await here.analyse(posts(ORG_A))).analyses);
    expect(second).toEqual((await here.analyse(posts(ORG_A, 10))).analyses);
    // With each explanation and list of places as the store keeps them.
    expect(one.json).toEqual({ explanations: first.map((a) => explanationJson(a.explanation)), places: first.map((a) => JSON.stringify(a.places)) });
    expect(first[4]!.nearDuplicateOf).toBe(`${ORG_A}-0`);
    expect(second[0]!.nearDuplicateOf).toBe(`${ORG_A}-0`);
  });

  it("learns an organisation's feedback before its next batch, and only that organisation's", async () => {
    const thread = new ThreadAnalyser({ classifiers: registry, fallback: inline });
    closing.push(thread);
    const text = TEXTS[5]!;
    const [before] = (await thread.analyse([{ id: 'p1', organisationId: ORG_A, text, language: 'nl', location: null }])).analyses;
    const label = before!.category === 'weather' ? 'public_order' : 'weather';
    await registry.learn(ORG_A, { id: 'f1', text, language: 'nl', label, priority: 'medium' });
    const [inA] = (await thread.analyse([{ id: 'p2', organisationId: ORG_A, text, language: 'nl', location: null }])).analyses;
    const [inB] = (await thread.analyse([{ id: 'p3', organisationId: ORG_B, text, language: 'nl', location: null }])).analyses;
    expect(inA!.category).toBe(label);
    expect(inA!.priority).toBe('medium');
    expect(inB!.category).toBe(before!.category);
    // The same model as the registry's own copy.
    expect(inA).toMatchObject({ category: (await registry.forOrganisation(ORG_A)).classify({ text, language: 'nl' }).category });
  });

  it('fails the batches of a thread that dies, and starts a new one for the next', async () => {
    const thread = new ThreadAnalyser({ classifiers: registry, fallback: inline });
    closing.push(thread);
    await thread.ready();
    const worker = (thread as unknown as { worker: Worker }).worker;
    const lost = thread.analyse(posts(ORG_A));
    await worker.terminate();
    await expect(lost).rejects.toThrow(/exited/);
    const again = await thread.analyse(posts(ORG_A, 20));
    expect(again.analyses).toHaveLength(TEXTS.length);
    expect((thread as unknown as { worker: Worker | null }).worker).not.toBe(worker);
  });

  it('falls back to inline analysis, once, when the thread cannot load', async () => {
    const errors: Error[] = [];
    const thread = new ThreadAnalyser({ classifiers: registry, fallback: inline, onError: (error) => errors.push(error), entry: new URL('./no-such-entry.mjs', import.meta.url) });
    closing.push(thread);
    await thread.ready();
    expect(errors).toHaveLength(1);
    const analyses = await thread.analyse(posts(ORG_A));
    expect(analyses).toEqual(await inline().analyse(posts(ORG_A)));
    expect(analyses.json).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

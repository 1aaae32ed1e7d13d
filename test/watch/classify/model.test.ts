import { describe, expect, it } from 'vitest';
import type { LabelledPost } from '#watch/classify/dataset.ts';
import { Classifier } from '#watch/classify/index.ts';

/** A separable toy corpus: smoke and flames are fire, football and pizza are not relevant. */
function toyCorpus(): LabelledPost[] {
  const fire = ['rook en vlammen uit het dak', 'vlammen bij de schuur, veel rook', 'dikke rook boven de loods, vlammen', 'de schuur staat in vlammen, rook overal'];
  const chatter = ['voetbal kijken met pizza', 'pizza na het voetbal', 'heerlijke pizza, goed voetbal', 'voetbal op tv en pizza erbij'];
  const posts: LabelledPost[] = [];
  for (let i = 0; i < 5; i++) {
    for (const text of fire) posts.push({ text, label: 'fire', priority: 'high', language: 'nl' });
    for (const text of chatter) posts.push({ text, label: 'none', priority: null, language: 'nl' });
  }
  return posts;
}

describe('classifier model', () => {
  it('learns a separable toy problem', () => {
    const model = Classifier.train(toyCorpus());
    const fire = model.classify({ text: 'vlammen en rook bij de buren', language: 'nl' });
    expect(fire).toMatchObject({ relevant: true, category: 'fire', priority: 'high' });
    expect(fire.relevance).toBeGreaterThan(0.5);
    const chatter = model.classify({ text: 'pizza en voetbal vanavond', language: 'nl' });
    expect(chatter).toMatchObject({ relevant: false, category: null });
  });

  it('names the features that drove a decision', () => {
    const model = Classifier.train(toyCorpus());
    const fire = model.classify({ text: 'vlammen en rook bij de buren', language: 'nl' });
    const names = fire.explanation.map((e) => e.feature);
    expect(names.some((n) => n.startsWith('stem:vlam') || n === 'stem:rok' || n === 'lexicon:fire')).toBe(true);
    for (const e of fire.explanation) expect(e.weight).toBeGreaterThan(0);
    const weights = fire.explanation.map((e) => e.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('changes its decision at once when an operator corrects it, in that instance only', () => {
    const base = Classifier.train(toyCorpus());
    const organisation = base.clone();
    const post = { text: 'stroomstoring in de hele wijk, alles donker', language: 'nl' };
    expect(organisation.classify(post).category).not.toBe('infrastructure_outage');
    organisation.learn(post, 'infrastructure_outage', 'critical');
    expect(organisation.classify(post)).toMatchObject({ relevant: true, category: 'infrastructure_outage', priority: 'critical' });
    expect(base.classify(post).category).not.toBe('infrastructure_outage');

    const other = base.clone();
    other.learn({ text: 'vlammen in de schuur', language: 'nl' }, 'none');
    expect(other.classify({ text: 'vlammen in de schuur', language: 'nl' }).relevant).toBe(false);
    expect(organisation.classify({ text: 'vlammen in de schuur', language: 'nl' }).category).toBe('fire');
  });

  it('keeps a correction local: teaching that hot sambal is not a fire leaves the fire keywords alone', () => {
    const model = Classifier.load();
    const fire = { text: 'brand in een flat aan de Kerkstraat, vlammen uit het dak', language: 'nl' };
    const lexiconWeight = (): number | undefined => model.classify(fire).explanation.find((e) => e.feature === 'lexicon:fire')?.weight;
    const before = lexiconWeight();
    expect(before).toBeGreaterThan(0);
    const figurative = { text: 'mijn mond staat in de fik van die sambal', language: 'nl' };
    expect(model.classify(figurative).category).toBe('fire');
    model.learn(figurative, 'none');
    expect(model.classify(figurative).relevant).toBe(false);
    expect(lexiconWeight()).toBe(before);
    expect(model.classify(fire).category).toBe('fire');
  });

  it('takes the default priority of the category when feedback gives none', () => {
    const model = Classifier.train(toyCorpus());
    const post = { text: 'vermist meisje van zeven, rode jas', language: 'nl' };
    model.learn(post, 'missing_person');
    expect(model.classify(post)).toMatchObject({ category: 'missing_person', priority: 'high' });
  });

  it('survives a round trip through bytes', () => {
    const model = Classifier.train(toyCorpus());
    model.learn({ text: 'gaslek in de straat', language: 'nl' }, 'infrastructure_outage', 'high');
    const restored = Classifier.fromBytes(model.toBytes());
    for (const text of ['vlammen en rook', 'pizza', 'gaslek in de straat', '']) {
      expect(restored.classify({ text, language: 'nl' })).toEqual(model.classify({ text, language: 'nl' }));
    }
    expect(() => Classifier.fromBytes(new Uint8Array([1, 2, 3]))).toThrow(/not a Waakzaam model/);
  });
});

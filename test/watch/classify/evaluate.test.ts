import { describe, expect, it } from 'vitest';
import { parseLabelled } from '#watch/classify/dataset.ts';
import { evaluate, evaluateByLanguage, type Prediction } from '#watch/classify/evaluate.ts';

const p = (gold: Prediction['gold'], predicted: Prediction['predicted'], language = 'nl'): Prediction => ({ gold, predicted, language });

describe('classifier evaluation', () => {
  it('computes per-class, macro and relevance scores from a hand-checked confusion matrix', () => {
    // gold fire ×3: fire, fire, none · gold medical ×2: medical, fire · gold none ×3: none, none, medical · gold relevant ×1: fire
    const predictions = [
      p('fire', 'fire'), p('fire', 'fire'), p('fire', 'none'),
      p('medical', 'medical'), p('medical', 'fire'),
      p('none', 'none'), p('none', 'none'), p('none', 'medical'),
      p('relevant', 'fire', 'en'),
    ];
    const e = evaluate(predictions);
    const by = Object.fromEntries(e.perClass.map((c) => [c.label, c]));
    // fire: tp 2, predicted 3 (the `relevant` row is left out of class scores), support 3.
    expect(by.fire).toMatchObject({ support: 3 });
    expect(by.fire!.precision).toBeCloseTo(2 / 3);
    expect(by.fire!.recall).toBeCloseTo(2 / 3);
    expect(by.medical!.precision).toBeCloseTo(1 / 2);
    expect(by.medical!.recall).toBeCloseTo(1 / 2);
    expect(by.none!.precision).toBeCloseTo(2 / 3);
    expect(by.none!.recall).toBeCloseTo(2 / 3);
    expect(e.macroF1).toBeCloseTo((2 / 3 + 1 / 2 + 2 / 3) / 3);
    // Relevance: gold relevant = 6 (3 fire, 2 medical, 1 relevant); predicted relevant = 6; tp = 5.
    expect(e.relevance.precision).toBeCloseTo(5 / 6);
    expect(e.relevance.recall).toBeCloseTo(5 / 6);
    expect(e.accuracy).toBeCloseTo(5 / 8);
    expect(e.confusion[1]![1]).toBe(2);
    expect(e.confusion[15]![1]).toBe(1);
    expect(evaluateByLanguage(predictions).en).toEqual({ n: 1, macroF1: 0, relevanceF1: 1 });
  });

  it('scores priority on posts relevant on both sides', () => {
    const e = evaluate([
      { ...p('fire', 'fire'), goldPriority: 'high', predictedPriority: 'high' },
      { ...p('fire', 'fire'), goldPriority: 'critical', predictedPriority: 'medium' },
      { ...p('fire', 'none'), goldPriority: 'high', predictedPriority: null },
    ]);
    expect(e.priority).toEqual({ n: 2, accuracy: 0.5, withinOne: 0.5 });
  });

  it('reads labelled posts and the scenario ground truth', () => {
    expect(parseLabelled({ text: 'brand', label: 'fire', priority: 'high', lang: 'nl' })).toEqual({ text: 'brand', label: 'fire', priority: 'high', language: 'nl' });
    expect(parseLabelled({ text: 'x', truth: { relevant: true, category: 'medical', priority: 'critical' } })).toMatchObject({ label: 'medical', priority: 'critical' });
    expect(parseLabelled({ text: 'x', truth: { relevant: true, category: null, priority: null } })).toMatchObject({ label: 'relevant' });
    expect(parseLabelled({ text: 'x', truth: { relevant: false, category: null } })).toMatchObject({ label: 'none' });
    expect(parseLabelled({ text: 'x', label: 'arson' })).toMatch(/unknown label/);
    expect(parseLabelled([1])).toMatch(/object/);
  });
});

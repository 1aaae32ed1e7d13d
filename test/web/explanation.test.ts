import { describe, expect, it } from 'vitest';
import { describeFeature, explanationBars, formatFeature, formatWeight, strongestFeatures, toPercent } from '../../web/ui/explanation.ts';
import { translate, type MessageKey } from '../../web/ui/i18n/catalogue.ts';
import { en } from '../../web/ui/i18n/en.ts';
import { nl } from '../../web/ui/i18n/nl.ts';
import { PREFIXES } from '#watch/classify/feature-space.ts';

const tNl = (key: MessageKey) => translate(nl, key);
const tEn = (key: MessageKey) => translate(en, key);

describe('explanation features in words', () => {
  it('names the kind of feature in the UI language', () => {
    expect(formatFeature('stem:reanim', tNl)).toBe('stam: reanim');
    expect(formatFeature('stem:reanim', tEn)).toBe('stem: reanim');
    expect(formatFeature('hashtag:stroomstoring', tNl)).toBe('hashtag: #stroomstoring');
    expect(formatFeature('hashtag:#stroomstoring', tNl)).toBe('hashtag: #stroomstoring');
    expect(formatFeature('mention:politie', tNl)).toBe('vermelding: @politie');
    expect(formatFeature('bigram=geen stroom', tNl)).toBe('woordpaar: geen stroom');
    expect(formatFeature('prior:', tNl)).toBe('basiswaarde');
  });

  it('has words for every kind of feature the classifier names, P2000 codes and character groups too', () => {
    for (const prefix of PREFIXES) expect(describeFeature(`${prefix}x`).kindKey, prefix).not.toBeNull();
    expect(formatFeature('p2000:A1', tNl)).toBe('P2000-urgentie: A1');
    expect(formatFeature('p2000:B', tEn)).toBe('P2000 urgency: B');
    expect(formatFeature('chars:stroo', tNl)).toBe('lettergroep: stroo');
    expect(formatFeature('cue:question', tEn)).toBe('cue: question');
  });

  it('shows an unknown kind as the classifier wrote it', () => {
    expect(describeFeature('mystery:thing')).toEqual({ kindKey: null, value: 'mystery:thing' });
    expect(formatFeature('  plainword ', tNl)).toBe('plainword');
  });

  it('keeps the strongest features by absolute weight', () => {
    const features = [
      { feature: 'a', weight: 0.5 },
      { feature: 'b', weight: -3 },
      { feature: 'c', weight: 0 },
      { feature: 'd', weight: 2 },
      { feature: 'e', weight: Number.NaN },
    ];
    expect(strongestFeatures(features, 2).map((f) => f.feature)).toEqual(['b', 'd']);
    expect(strongestFeatures(features).map((f) => f.feature)).toEqual(['b', 'd', 'a']);
  });
});

describe('explanation bars', () => {
  it('starts bars at the left when every weight is positive, the strongest filling the width', () => {
    const { bars, axis } = explanationBars(
      [
        { feature: 'a', weight: 2 },
        { feature: 'b', weight: 1 },
        { feature: 'c', weight: 0.001 },
      ],
      100,
    );
    expect(axis).toBe(0);
    expect(bars.map((b) => [b.x, Math.round(b.width)])).toEqual([
      [0, 100],
      [0, 50],
      [0, 1],
    ]);
  });

  it('puts the axis in the middle when some weights count against', () => {
    const { bars, axis } = explanationBars(
      [
        { feature: 'a', weight: 2 },
        { feature: 'b', weight: -1 },
      ],
      100,
    );
    expect(axis).toBe(50);
    expect(bars).toEqual([
      { feature: 'a', weight: 2, x: 50, width: 50, positive: true },
      { feature: 'b', weight: -1, x: 25, width: 25, positive: false },
    ]);
  });

  it('formats weights and fractions', () => {
    expect(formatWeight(2.345, 'nl-NL')).toBe('+2,3');
    expect(formatWeight(-0.4, 'en-GB')).toBe('\u22120.40');
    expect(toPercent(0.8734)).toBe(87);
    expect(toPercent(1.7)).toBe(100);
    expect(toPercent(Number.NaN)).toBe(0);
  });
});

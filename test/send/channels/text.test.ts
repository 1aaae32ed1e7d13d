import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeShortPost, graphemes } from '#send/channels/text.ts';
import { buildOutgoingMessage } from './build-message.ts';

describe('graphemes', () => {
  const whole = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

  it('property: cutting long texts into pieces gives the same clusters as segmenting at once', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), fc.constantFrom('👩‍👩‍👧‍👦', 'é', 'e\u0301', '🇳🇱', '\r\n', ' \u0301'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(graphemes(text)).toEqual(whole(text));
      }),
      { numRuns: 200 },
    );
  });

  it('stays fast on long texts (no quadratic segmenting)', () => {
    const text = 'Één lange zin met 🚒 erin. '.repeat(400);
    expect(graphemes(text)).toHaveLength(10_400);
  });
});

describe('composeShortPost', () => {
  it('keeps the whole text when it fits and returns null when headline and link cannot fit', () => {
    const message = buildOutgoingMessage();
    expect(composeShortPost(message, 1000, (t) => t.length)).toBe(`${message.headline}\n\n${message.body}\n\n${message.instruction}\n\n${message.url}`);
    expect(composeShortPost(message, 20, (t) => t.length)).toBeNull();
  });
});

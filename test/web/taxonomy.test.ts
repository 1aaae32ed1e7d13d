import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS as CORE_CATEGORY_IDS } from '../../src/core/taxonomy.ts';
import { en } from '../../web/ui/i18n/en.ts';
import { nl } from '../../web/ui/i18n/nl.ts';
import { CATEGORY_COLOURS, CATEGORY_IDS, CATEGORY_LABELS, PRIORITIES, PRIORITY_LABELS } from '../../web/ui/taxonomy.ts';

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

describe('taxonomy in the dashboard', () => {
  it('uses the 14 category ids of src/core', () => {
    expect(CATEGORY_IDS).toEqual(CORE_CATEGORY_IDS);
    expect(CATEGORY_IDS).toHaveLength(14);
  });

  it('names every category and priority in Dutch and English, each name once', () => {
    for (const catalogue of [nl, en]) {
      const names = [...CATEGORY_IDS, 'none' as const].map((id) => catalogue[CATEGORY_LABELS[id]]);
      expect(names.every((name) => name.trim().length > 0)).toBe(true);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(PRIORITIES.map((p) => catalogue[PRIORITY_LABELS[p]])).size).toBe(4);
    }
  });

  it('has category colours with at least 4.5:1 contrast (chip text on its tint, symbol on white)', () => {
    for (const [category, { fg, bg }] of Object.entries(CATEGORY_COLOURS)) {
      expect({ category, chip: contrast(fg, bg) >= 4.5, onWhite: contrast(fg, '#ffffff') >= 4.5 }).toEqual({ category, chip: true, onWhite: true });
    }
  });

  it('uses the same colours in categories.css as on the map', () => {
    const css = readFileSync(new URL('../../web/dashboard/categories.css', import.meta.url), 'utf8');
    for (const [category, { fg, bg }] of Object.entries(CATEGORY_COLOURS)) {
      expect(css).toContain(`.category--${category} { --wz-cat-fg: ${fg}; --wz-cat-bg: ${bg}; }`);
    }
  });
});

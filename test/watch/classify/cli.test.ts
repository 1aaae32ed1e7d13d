import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '#test/support/cli.ts';

const env = {};

describe('waakzaam classify', () => {
  it('classifies plain-text and JSON lines, and answers a malformed line with an error object', { timeout: 60_000 }, async () => {
    const input = ['AED nodig bij de markt, iemand wordt gereanimeerd!!', '{"text": "lekker weertje vandaag, terrasje", "lang": "nl"}', '{"text": ', '{"foo": 1}', '', 'huge fire in a warehouse near the station, black smoke'].join('\n');
    const result = await runCli(['classify'], env, `${input}\n`);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ relevant: true, category: 'medical', priority: 'critical' });
    expect(lines[0]!.explanation).toEqual(expect.arrayContaining([expect.objectContaining({ feature: 'lexicon:medical' })]));
    expect(lines[1]).toMatchObject({ relevant: false, category: null });
    expect(lines[2]).toMatchObject({ line: 3, error: expect.stringMatching(/malformed JSON/) });
    expect(lines[3]).toEqual({ line: 4, error: 'missing "text" (a string)' });
    expect(lines[4]).toMatchObject({ relevant: true, category: 'fire' });
  });

  it('scores a labelled file and ends with a JSON summary', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waakzaam-classify-'));
    const file = join(dir, 'labelled.jsonl');
    const rows = [
      { text: 'brand in een flat, vlammen uit het dak', label: 'fire', lang: 'nl' },
      { text: 'stroomstoring in de hele wijk', label: 'infrastructure_outage', lang: 'nl' },
      { text: 'lekker pizza gegeten', label: 'none', lang: 'nl' },
      { text: 'someone collapsed at the station, people doing CPR', truth: { relevant: true, category: 'medical', priority: 'critical' }, lang: 'en' },
    ];
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\nnot json\n`);
    const result = await runCli(['classify', '--eval', file], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('confusion');
    expect(result.stdout).toMatch(/relevance\s+1\.000\s+1\.000\s+1\.000/);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(summary).toMatchObject({ n: 4, skipped: 1, macroF1: 1, relevanceF1: 1 });
    expect(summary.perLanguage).toMatchObject({ nl: { n: 3 }, en: { n: 1 } });
    expect(result.stderr).toContain('skipped line 5');
  });

  it('fails with one line when the file is missing', async () => {
    const result = await runCli(['classify', '--eval', '/nonexistent/file.jsonl'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENOENT');
    expect(result.stderr).not.toContain('    at ');
  });
});

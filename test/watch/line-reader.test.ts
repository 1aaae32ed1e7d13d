import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLines, type FileLine } from '#watch/connectors/line-reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'waakzaam-lines-'));

async function collect(path: string, offset = 0, line = 0, max = 1000, chunk?: number): Promise<FileLine[]> {
  const out: FileLine[] = [];
  for await (const l of readLines(path, offset, line, max, chunk)) out.push(l);
  return out;
}

describe('line reader with resumable byte offsets', () => {
  it('reads LF and CRLF lines and a last line without newline', async () => {
    const path = join(dir, 'a.jsonl');
    writeFileSync(path, 'één\r\ntwee\n\ndrie');
    const lines = await collect(path);
    expect(lines.map((l) => l.text)).toEqual(['één', 'twee', '', 'drie']);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3, 4]);
  });

  it('resumes exactly after any line, for any content (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')), { minLength: 1, maxLength: 30 }), fc.nat(), async (texts, cut) => {
        const path = join(dir, `p-${Math.random()}.jsonl`);
        writeFileSync(path, texts.join('\n') + '\n');
        const all = await collect(path);
        const at = cut % all.length;
        const rest = await collect(path, all[at]!.nextOffset, all[at]!.number);
        expect([...all.slice(0, at + 1), ...rest].map((l) => l.text)).toEqual(texts);
        expect(rest.map((l) => l.number)).toEqual(all.slice(at + 1).map((l) => l.number));
      }),
      { numRuns: 100 },
    );
  });

  it('reads the same lines and offsets whatever the read size, across chunk boundaries and multi-byte characters (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('één', 'ß\r', '\r', '🚨🚨', 'x'.repeat(25))), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (pieces, finalNewline, chunk) => {
          const content = pieces.map((p) => p.replace(/\n/g, '')).join('\n') + (finalNewline ? '\n' : '');
          const path = join(dir, `c-${Math.random()}.jsonl`);
          writeFileSync(path, content);
          const max = 20;
          const expected: FileLine[] = [];
          let offset = 0;
          const raw = content.split('\n');
          // After a final newline split() gives an empty last piece, which is no line; an empty
          // last line without a newline is no line either.
          if (raw[raw.length - 1] === '') raw.pop();
          raw.forEach((line, i) => {
            const bytes = Buffer.from(line);
            offset += bytes.length + (i < raw.length - 1 || content.endsWith('\n') ? 1 : 0);
            const kept = bytes.subarray(0, max + 1).toString('utf8').replace(/\r$/, '');
            expected.push({ number: i + 1, text: bytes.length > max ? `${kept}…` : line.replace(/\r$/, ''), nextOffset: offset });
          });
          expect(await collect(path, 0, 0, max, chunk)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounds memory on a huge line: returns it cut (so it is reported) and goes on', async () => {
    const path = join(dir, 'huge.jsonl');
    writeFileSync(path, `${'x'.repeat(200_000)}\nok\n`);
    const lines = await collect(path, 0, 0, 1000);
    expect(lines).toHaveLength(2);
    expect(Buffer.byteLength(lines[0]!.text)).toBeGreaterThan(1000);
    expect(Buffer.byteLength(lines[0]!.text)).toBeLessThan(1100);
    expect(lines[1]!.text).toBe('ok');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const XSD = '/work/shared/standards/cap/cap12.xsd';

/**
 * xmllint's verdicts on files against the OASIS CAP 1.2 schema, in one process, never touching
 * the network. A file counts as valid only when xmllint says "<file> validates".
 */
export function xmllintVerdicts(files: string[]): boolean[] {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  const valid = new Set(run.stderr.split('\n').flatMap((line) => (line.endsWith(' validates') ? [basename(line.slice(0, -' validates'.length))] : [])));
  return files.map((f) => valid.has(basename(f)));
}

export function xmllintAccepts(file: string): boolean {
  return xmllintVerdicts([file])[0]!;
}

/** xmllint's verdicts on documents given as text. */
export function xmllintVerdictsOfTexts(texts: string[]): boolean[] {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-cap-'));
  try {
    const files = texts.map((text, i) => {
      const file = join(dir, `doc-${String(i).padStart(5, '0')}.xml`);
      writeFileSync(file, text);
      return file;
    });
    return xmllintVerdicts(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The OASIS CAP 1.2 schema, copied beside the tests (fixtures/SOURCES.md). */
export const CAP_SCHEMA = join(import.meta.dirname, 'fixtures', 'cap12.xsd');

/**
 * Runs Debian's xmllint (libxml2-utils) on documents: with `schema`, validation against it, else
 * only well-formedness. Never reaches the network (--nonet). Returns xmllint's verdict per file.
 */
export function xmllint(documents: readonly string[], schema?: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-xmllint-'));
  try {
    const files = documents.map((xml, i) => {
      const file = join(dir, `doc-${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    try {
      const output = execFileSync('xmllint', ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { ok: true, output };
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function validatesFile(file: string, schema = CAP_SCHEMA): boolean {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliEnvironment } from '#cli/main.ts';
import { withContext } from '#cli/commands/with-context.ts';
import { progressBar } from '#cli/progress.ts';
import { resolveOrganisation } from '#cli/resolve-organisation.ts';
import { isAppError } from '#core/errors.ts';
import { csvObjects } from './csv.ts';
import { parsePc4, parsePostcode } from './geocode/postcode.ts';
import { parseAedCsv, parseVolunteerCsv, type LineError } from './import.ts';

function csvField(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function printErrors(errors: readonly LineError[]): void {
  for (const e of errors.slice(0, 50)) process.stderr.write(`  line ${e.line}: ${e.message}\n`);
  if (errors.length > 50) process.stderr.write(`  … and ${errors.length - 50} more\n`);
}

function message(error: unknown): string {
  return isAppError(error) ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
}

/**
 * `waakzaam respond …`: CSV imports of the registries (created or updated by `ref`, an error per
 * line, valid lines imported) and the conversion of downloaded address files into the offline
 * postcode table.
 */
export function registerRespondCommands(program: Command, env: CliEnvironment): void {
  const respond = program.command('respond').description('volunteer responders: registry imports and the offline postcode table');

  respond
    .command('import-volunteers <file>')
    .description('import volunteers from CSV (columns: ref,name,email,phone,language,qualification,qualified_until,label,lat,lon,postcode,house_number,windows)')
    .requiredOption('--org <id-or-name>', 'organisation the volunteers belong to')
    .option('--tokens <file>', 'write the responder-app tokens of new volunteers to this CSV (ref,id,token); they are shown only once')
    .action(async (file: string, options: { org: string; tokens?: string }) => {
      const { volunteers, errors } = parseVolunteerCsv(readFileSync(file, 'utf8'));
      await withContext(env, async (ctx) => {
        const organisationId = await resolveOrganisation(ctx, options.org);
        const bar = progressBar('volunteers', volunteers.length, 'rows', '{created} new, {updated} updated, {failed} failed', { created: 0, updated: 0, failed: 0 });
        const counts = { created: 0, updated: 0, failed: 0 };
        const tokens: string[] = ['ref,id,token'];
        for (const [i, v] of volunteers.entries()) {
          try {
            const result = await ctx.respond.registry.upsertVolunteer(organisationId, v.input, 'cli:import');
            counts[result.outcome] += 1;
            if (result.token) tokens.push([v.input.externalRef ?? '', result.volunteer.id, result.token].map(csvField).join(','));
          } catch (error) {
            counts.failed += 1;
            errors.push({ line: v.line, message: message(error) });
          }
          bar.update(i + 1, counts);
        }
        bar.stop();
        if (options.tokens) writeFileSync(options.tokens, `${tokens.join('\n')}\n`, { mode: 0o600 });
        process.stdout.write(`volunteers: ${counts.created} created, ${counts.updated} updated, ${errors.length} lines with errors${options.tokens ? `; tokens of new volunteers in ${options.tokens}` : counts.created > 0 ? '; tokens not saved (use --tokens, or issue new ones through the API)' : ''}\n`);
      });
      printErrors(errors.sort((a, b) => a.line - b.line));
      if (errors.length > 0) process.exitCode = 1;
    });

  respond
    .command('import-aeds <file>')
    .description('import AEDs from CSV (columns: ref,name,location,lat,lon,postcode,house_number,access_notes,cabinet_code,availability,pads_expire,battery_expires,active,owner_name,owner_email,owner_phone)')
    .requiredOption('--org <id-or-name>', 'organisation the AEDs belong to')
    .action(async (file: string, options: { org: string }) => {
      const { aeds, errors } = parseAedCsv(readFileSync(file, 'utf8'));
      await withContext(env, async (ctx) => {
        const organisationId = await resolveOrganisation(ctx, options.org);
        const bar = progressBar('AEDs', aeds.length, 'rows', '{created} new, {updated} updated, {failed} failed', { created: 0, updated: 0, failed: 0 });
        const counts = { created: 0, updated: 0, failed: 0 };
        for (const [i, a] of aeds.entries()) {
          try {
            counts[(await ctx.respond.registry.upsertAed(organisationId, a.input, 'cli:import')).outcome] += 1;
          } catch (error) {
            counts.failed += 1;
            errors.push({ line: a.line, message: message(error) });
          }
          bar.update(i + 1, counts);
        }
        bar.stop();
        process.stdout.write(`AEDs: ${counts.created} created, ${counts.updated} updated, ${errors.length} lines with errors\n`);
      });
      printErrors(errors.sort((a, b) => a.line - b.line));
      if (errors.length > 0) process.exitCode = 1;
    });

  respond
    .command('import-postcodes <file> <out>')
    .description('convert a downloaded address file (CSV with postcode, house number and WGS84 coordinates) into the offline postcode table')
    .option('--postcode-column <name>', 'column with the postcode', 'postcode')
    .option('--house-number-column <name>', 'column with the house number (empty: none)', 'huisnummer')
    .option('--lat-column <name>', 'column with the latitude', 'lat')
    .option('--lon-column <name>', 'column with the longitude', 'lon')
    .option('--label-column <name>', 'column with a readable address (optional)', '')
    .option('--aggregate <level>', 'none (one row per address), pc6 or pc4 (centroids)', 'pc6')
    .action((file: string, out: string, o: { postcodeColumn: string; houseNumberColumn: string; latColumn: string; lonColumn: string; labelColumn: string; aggregate: string }) => {
      if (!['none', 'pc6', 'pc4'].includes(o.aggregate)) throw new Error(`--aggregate: expected none, pc6 or pc4, got "${o.aggregate}"`);
      const { header, rows } = csvObjects(readFileSync(file, 'utf8'));
      for (const column of [o.postcodeColumn, o.latColumn, o.lonColumn]) if (!header.includes(column.toLowerCase())) throw new Error(`${file}: no column "${column}" (found: ${header.join(', ')})`);
      const sums = new Map<string, { lat: number; lon: number; n: number; label: string }>();
      const lines: string[] = ['postcode,house_number,lat,lon,label'];
      const errors: LineError[] = [];
      for (const { line, values } of rows) {
        const postcode = parsePostcode(values[o.postcodeColumn.toLowerCase()] ?? '');
        const lat = Number((values[o.latColumn.toLowerCase()] ?? '').replace(',', '.'));
        const lon = Number((values[o.lonColumn.toLowerCase()] ?? '').replace(',', '.'));
        if (!postcode || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          errors.push({ line, message: 'no valid postcode or coordinates' });
          continue;
        }
        const label = o.labelColumn ? (values[o.labelColumn.toLowerCase()] ?? '') : '';
        if (o.aggregate === 'none') {
          const house = o.houseNumberColumn ? Number.parseInt(values[o.houseNumberColumn.toLowerCase()] ?? '', 10) : NaN;
          lines.push([postcode, Number.isInteger(house) && house > 0 ? String(house) : '', lat.toFixed(7), lon.toFixed(7), csvField(label)].join(','));
          continue;
        }
        const key = o.aggregate === 'pc4' ? parsePc4(postcode)! : postcode;
        const sum = sums.get(key) ?? { lat: 0, lon: 0, n: 0, label: '' };
        sums.set(key, { lat: sum.lat + lat, lon: sum.lon + lon, n: sum.n + 1, label: sum.label || label });
      }
      for (const [key, s] of [...sums].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push([key, '', (s.lat / s.n).toFixed(7), (s.lon / s.n).toFixed(7), csvField(s.label)].join(','));
      writeFileSync(out, `${lines.join('\n')}\n`);
      process.stdout.write(`postcode table: ${lines.length - 1} rows written to ${out}, ${errors.length} lines skipped\n`);
      printErrors(errors);
    });
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '#test/support/browser.ts';
import { runCli } from '#test/support/cli.ts';
import { seedStaff, serve, stopServer, type Server } from '#test/support/e2e-server.ts';
import { webDir } from '#test/support/web-build.ts';

const require = createRequire(import.meta.url);
const ANALYST = { email: 'analist@waakzaam.test', password: 'een heel goed wachtwoord' };
const ORGANISATION = 'Veiligheidsregio Utrecht';
const SCENARIO = fileURLToPath(new URL('../../data/scenarios/festival-utrecht.jsonl', import.meta.url));

/**
 * Weak signals, watchlists and live notifications in a real browser: an analyst makes a watchlist
 * over the municipality of Utrecht with an alert rule through the form, keeps the signals view
 * open while the festival scenario's power failure (23:06–23:16 local time) is replayed into the
 * running server, and sees — without reloading — the signal in the list and on the map, and the
 * notification arrive in the top bar. Every view passes axe-core's WCAG 2.1 A/AA rules.
 */
describe('signals, watchlists and notifications in Chromium', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-e2e-signals-'));
  const env = { WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`, WAAKZAAM_WEB_DIR: '', PORT: '0', WAAKZAAM_LOG_LEVEL: 'info' };
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    env.WAAKZAAM_WEB_DIR = webDir();
    await seedStaff(env, { name: ORGANISATION, kind: 'safety_region' }, [{ email: ANALYST.email, name: 'Analist', password: ANALYST.password, roles: ['analyst'] }]);
    ({ server, base } = await serve(env));
    browser = await launchChromium();
    const context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  async function axe(): Promise<string[]> {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))})`);
    });
  }

  it('creates a watchlist with an alert rule through the form', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('E-mailadres').fill(ANALYST.email);
    await page.getByLabel('Wachtwoord').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('navigation').getByText('Kijken').first().waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Watchlists' }).click();
    await page.getByText('Nog geen watchlists.').waitFor({ timeout: 20_000 });
    expect(await axe()).toEqual([]);

    await page.getByRole('button', { name: 'Nieuwe watchlist' }).click();
    const editor = page.getByRole('region', { name: 'Nieuwe watchlist' });
    // Saving without a purpose or legal basis is refused with the fields named (SPEC G1).
    await editor.getByLabel('Naam', { exact: true }).fill('Zomerfeest');
    await editor.getByRole('button', { name: 'Watchlist opslaan' }).click();
    await editor.getByText('Controleer deze velden:').waitFor();
    expect(await editor.getByLabel('Doel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await axe()).toEqual([]);

    await editor.getByLabel('Doel', { exact: true }).fill('Veiligheid van bezoekers tijdens het Utrechts Zomerfeest');
    await editor.getByLabel('Wettelijke grondslag').fill('Politiewet 2012 art. 3; Wpg art. 8');
    await editor.getByLabel('Gemeente zoeken').fill('Utrecht');
    await editor.getByLabel('Kies een gemeente').selectOption({ label: 'Utrecht' });
    await editor.getByText('Gekozen: gemeente Utrecht').waitFor();
    await editor.getByRole('button', { name: 'Gebied toevoegen' }).click();
    await editor.getByRole('button', { name: 'Regel toevoegen' }).click();
    await editor.getByLabel('Naam van de regel').fill('Elk signaal');
    await page.screenshot({ path: join(dir, 'watchlist-editor.png'), fullPage: true });
    await editor.getByRole('button', { name: 'Watchlist opslaan' }).click();
    await page.getByText('Watchlist Zomerfeest aangemaakt.').waitFor({ timeout: 15_000 });
    const list = page.getByRole('region', { name: 'Watchlists' }).first();
    await list.getByText(/Elk signaal: bij een signaal met score vanaf 3/).waitFor();
    expect(await axe()).toEqual([]);
  });

  it('shows the power failure as a live signal on the list and the map, with a notification in the top bar', async () => {
    await page.getByRole('link', { name: 'Signalen' }).click();
    await page.getByText('Nog geen signalen.').first().waitFor({ timeout: 20_000 });
    const bell = page.getByRole('button', { name: /^Meldingen \d+ ongelezen$/ });
    expect(await bell.textContent()).toContain('0 ongelezen');

    // The scenario's power failure (and nothing else), replayed while the page stays open.
    const lines = readFileSync(SCENARIO, 'utf8')
      .trim()
      .split('\n')
      .filter((line) => {
        const post = JSON.parse(line) as { createdAt: string; truth: { eventId: string | null } };
        return post.truth.eventId === 'power-failure' && post.createdAt >= '2026-07-04T21:06:00' && post.createdAt < '2026-07-04T21:16:00';
      });
    expect(lines.length).toBeGreaterThan(20);
    const file = join(dir, 'power-failure.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const replay = await runCli(['replay', file, '--org', ORGANISATION], env);
    expect(replay.code, replay.stderr).toBe(0);

    const signals = page.getByRole('region', { name: 'Signalen, nieuwste bovenaan' });
    const first = signals.getByRole('button', { name: /^Signaal 1 bekijken: / });
    await first.waitFor({ timeout: 120_000 });
    expect(await signals.textContent()).toMatch(/\d+ berichten, verwacht \d+(,\d)?/);
    // The cell is drawn on the map, labelled with its number in the list.
    await page.locator('.signals-map__label').first().waitFor({ timeout: 30_000 });
    await page.getByRole('img', { name: /^Tijdlijn van \d+ signalen/ }).waitFor();
    // The notification arrived live: the unread count went up without a reload.
    await expect.poll(async () => Number(/(\d+) ongelezen/.exec((await bell.textContent()) ?? '')?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await axe()).toEqual([]);

    await first.click();
    const detail = page.getByRole('region', { name: /^Signaal: / });
    await detail.getByRole('heading', { name: 'Waarom dit signaal afging' }).waitFor();
    expect(await detail.textContent()).toMatch(/berichten in \d+ minuten, waar .* verwacht werd/);
    await detail.getByRole('heading', { name: /^Berichten achter dit signaal \(\d+\)$/ }).waitFor();
    await expect.poll(() => detail.getByRole('button', { name: 'Details' }).count(), { timeout: 20_000 }).toBeGreaterThan(2);
    await detail.getByRole('button', { name: 'Bevestigen' }).click();
    await detail.getByText('Signaal bevestigd.').waitFor();
    await expect.poll(async () => (await detail.textContent()) ?? '', { timeout: 60_000 }).toMatch(/Incident bij .*: \d+ berichten/);
    expect(await axe()).toEqual([]);

    await bell.click();
    const panel = page.getByRole('heading', { name: 'Meldingen van waarschuwingsregels' }).locator('xpath=../..');
    await panel.getByText(/Zomerfeest — Elk signaal/).first().waitFor();
    expect(await axe()).toEqual([]);
    await panel.getByRole('button', { name: 'Alles gelezen' }).click();
    await expect.poll(async () => (await bell.textContent()) ?? '').toContain('0 ongelezen');
    await page.screenshot({ path: join(dir, 'signals.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

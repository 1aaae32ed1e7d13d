import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launchChromium } from '#test/support/browser.ts';
import { runCli } from '#test/support/cli.ts';
import { seedStaff, serve, stopServer, type Server } from '#test/support/e2e-server.ts';
import { webDir } from '#test/support/web-build.ts';

const ANALYST = { email: 'analist@waakzaam.test', password: 'een heel goed wachtwoord' };
const OFFICER = { email: 'wijkagent@waakzaam.test', password: 'nog een goed wachtwoord' };
const SCENARIO = fileURLToPath(new URL('../../data/scenarios/festival-utrecht.jsonl', import.meta.url));

/**
 * Incidents, rumours and the network in a real browser: the festival scenario's power failure and
 * rumour (23:00–23:45 local time) are replayed into a running server; an analyst merges two
 * incidents and sends the rumour for verification, a field officer answers it, and every view
 * passes axe-core's WCAG 2.1 A/AA rules.
 */
describe('incidents, rumours and network views in Chromium', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-e2e-incidents-'));
  const env = { WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`, WAAKZAAM_WEB_DIR: '', PORT: '0', WAAKZAAM_LOG_LEVEL: 'info' };
  let server: Server;
  let base: string;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    env.WAAKZAAM_WEB_DIR = webDir();
    await seedStaff(env, { name: 'Veiligheidsregio Utrecht', kind: 'safety_region' }, [{ email: ANALYST.email, name: 'Analist', password: ANALYST.password, roles: ['analyst'] }, { email: OFFICER.email, name: 'Wijkagent Binnenstad', password: OFFICER.password, roles: ['field_officer'] }]);
    ({ server, base } = await serve(env));
    const lines = readFileSync(SCENARIO, 'utf8')
      .trim()
      .split('\n')
      .filter((line) => {
        const at = (JSON.parse(line) as { createdAt: string }).createdAt;
        return at >= '2026-07-04T21:00:00' && at < '2026-07-04T21:45:00';
      });
    const file = join(dir, 'evening.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const replay = await runCli(['replay', file, '--org', 'Veiligheidsregio Utrecht'], env);
    expect(replay.code, replay.stderr).toBe(0);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${base}/`);
    await page.getByLabel('E-mailadres').fill(who.email);
    await page.getByLabel('Wachtwoord').fill(who.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('navigation').getByText('Kijken').first().waitFor({ timeout: 15_000 });
  }

  it('shows the evening’s incidents, passes axe, and merges two of them', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, ANALYST);
    await page.getByRole('link', { name: 'Incidenten' }).click();
    const list = page.getByRole('region', { name: 'Incidenten, laatst actief bovenaan' });
    await expect.poll(() => list.getByRole('button', { name: /^Incident .* bekijken$/ }).count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const text = await list.textContent();
    expect(text).toMatch(/Stroomstoring|Infrastructuur|storing/i);
    expect(await axe(page)).toEqual([]);

    const before = await list.getByRole('button', { name: /^Incident .* bekijken$/ }).count();
    await list.getByRole('button', { name: /^Incident .* bekijken$/ }).first().click();
    const detail = page.getByRole('region').filter({ has: page.getByRole('heading', { name: 'Tijdlijn' }) });
    await detail.getByRole('img', { name: /Berichten per minuut/ }).waitFor();
    await detail.getByRole('checkbox', { name: /^Incident .* selecteren/ }).first().check();
    await detail.getByRole('button', { name: 'Geselecteerde incidenten samenvoegen' }).click();
    await detail.getByText('Incidenten samengevoegd.').waitFor();
    await expect.poll(() => list.getByRole('button', { name: /^Incident .* bekijken$/ }).count(), { timeout: 20_000 }).toBe(before - 1);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(dir, 'incidents.png'), fullPage: true });
    await context.close();
  });

  it('sends the rumour for verification, the field officer denies it, the analyst records the correction', async () => {
    const analystContext = await browser.newContext({ bypassCSP: true });
    const analyst = await analystContext.newPage();
    await signIn(analyst, ANALYST);
    await analyst.getByRole('link', { name: 'Geruchten' }).click();
    const claims = analyst.getByRole('region', { name: 'Beweringen, laatst actief bovenaan' });
    const rumour = claims.getByRole('button', { name: /^Bewering bekijken: .*neergestoken/i }).first();
    await rumour.waitFor({ timeout: 60_000 });
    expect(await axe(analyst)).toEqual([]);
    await rumour.click();
    await analyst.getByRole('button', { name: 'Markeren als gerucht' }).click();
    await analyst.getByText('Gemarkeerd als gerucht.').waitFor();
    await analyst.getByLabel('Veldwerker').selectOption({ label: 'Wijkagent Binnenstad' });
    await analyst.getByLabel('Wat moet ter plaatse worden gecontroleerd?').fill('Is er iemand neergestoken bij het Vredenburg?');
    await analyst.getByRole('button', { name: 'Verificatie aanvragen' }).click();
    await analyst.getByText('Verificatie aangevraagd.').waitFor();
    expect(await axe(analyst)).toEqual([]);

    const officerContext = await browser.newContext({ bypassCSP: true });
    const officer = await officerContext.newPage();
    await signIn(officer, OFFICER);
    await officer.goto(`${base}/watch/rumours`);
    const tasks = officer.getByRole('region', { name: 'Mijn verificatietaken' });
    await tasks.getByText('Is er iemand neergestoken bij het Vredenburg?').waitFor({ timeout: 15_000 });
    expect(await axe(officer)).toEqual([]);
    await tasks.getByLabel('Ontkend').check();
    await tasks.getByLabel('Toelichting').fill('Ter plaatse: geen steekpartij, alleen de stroomstoring.');
    await tasks.getByRole('button', { name: 'Antwoord versturen' }).click();
    await tasks.getByText('Antwoord verstuurd.').waitFor();
    await officerContext.close();

    await analyst.reload();
    await analyst.getByRole('region', { name: 'Beweringen, laatst actief bovenaan' }).getByRole('button', { name: /^Bewering bekijken: .*neergestoken/i }).first().click();
    await analyst.getByText('Antwoord veldwerker: Ter plaatse: geen steekpartij, alleen de stroomstoring.').waitFor({ timeout: 20_000 });
    await analyst.getByLabel('Rectificatie (Nederlands)').fill('Er is GEEN steekpartij geweest op het Vredenburg. De stroomstoring heeft een technische oorzaak.');
    await analyst.getByRole('button', { name: 'Rectificatie vastleggen' }).click();
    await analyst.getByText('Rectificatie vastgelegd.').waitFor();
    await analyst.getByRole('img', { name: /rectificatie [1-9]\d* berichten/ }).waitFor({ timeout: 20_000 });
    await analyst.screenshot({ path: join(dir, 'rumours.png'), fullPage: true });
    await analystContext.close();
  });

  it('draws the actor network with a table of the accounts with most reach, and passes axe', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, ANALYST);
    await page.getByRole('link', { name: 'Netwerk' }).click();
    await page.getByRole('img', { name: /^Netwerk van \d+ accounts/ }).waitFor({ timeout: 30_000 });
    const table = page.getByRole('table');
    expect(await table.getByRole('row').count()).toBeGreaterThan(5);
    await table.getByRole('button').first().click();
    await page.getByText(/^Geselecteerd: account/).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(dir, 'network.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

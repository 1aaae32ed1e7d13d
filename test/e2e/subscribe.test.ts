import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPostcodeAreas } from '#send/targeting/postcode-areas.ts';
import { axe, launchChromium } from '#test/support/browser.ts';
import { seedStaff, serve, stopServer, type Server } from '#test/support/e2e-server.ts';
import { startFakeSmtp, type FakeSmtp } from '#test/support/fake-smtp.ts';
import { waitFor } from '#test/support/wait.ts';
import { webDir } from '#test/support/web-build.ts';

const COMMUNICATOR = { email: 'communicatie@utrecht.test', password: 'een heel goed wachtwoord' };
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Issue 5, item 5 in Chromium: a resident subscribes for their postcode area (and, in a second
 * browser, for a circle around "mijn locatie"), and a communicator targets a message at a
 * postcode (item 6), on the real server (`waakzaam serve`, SQLite). What the server stored is read
 * from the database file: the area as given, and for a postcode the outline it resolved to.
 */
describe('target and subscribe by postcode or location (Chromium)', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-e2e-subscribe-'));
  const dbFile = join(dir, 'e2e.db');
  const env: Record<string, string> = { WAAKZAAM_DATABASE_URL: `sqlite:${dbFile}`, WAAKZAAM_WEB_DIR: '', WAAKZAAM_LOG_LEVEL: 'info' };
  let server: Server;
  let base: string;
  let browser: Browser;
  let smtp: FakeSmtp;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    const port = await freePort();
    base = `http://localhost:${port}`;
    Object.assign(env, {
      WAAKZAAM_WEB_DIR: webDir(),
      PORT: String(port),
      WAAKZAAM_PUBLIC_URL: base,
      WAAKZAAM_SMTP_URL: smtp.url,
      WAAKZAAM_MAIL_FROM: 'Gemeente Utrecht <alerts@utrecht.test>',
    });
    await seedStaff(env, { name: 'Gemeente Utrecht', kind: 'municipality' }, [{ email: COMMUNICATOR.email, name: 'Communicatieadviseur', password: COMMUNICATOR.password, roles: ['communicator'] }]);
    ({ server } = await serve(env));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    await smtp?.close();
  });

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) pageErrors.push(message.text());
    });
    await page.goto(`${base}/citizen/subscribe`);
    await page.getByRole('heading', { level: 1, name: 'Meldingen ontvangen' }).waitFor();
    return page;
  }

  function query<T>(sql: string, ...params: string[]): T | undefined {
    const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).get(...params) as T | undefined;
    } finally {
      db.close();
    }
  }

  function stored(email: string): { area: unknown; geometry: unknown; status: string } {
    const row = query<{ area: string; geometry: string | null; status: string }>('SELECT area, geometry, status FROM send_subscriptions WHERE address = ?', email);
    if (!row) throw new Error(`no subscription for ${email}`);
    return { area: JSON.parse(row.area) as unknown, geometry: row.geometry === null ? null : (JSON.parse(row.geometry) as unknown), status: row.status };
  }

  it('a resident gives their postcode, sees the place and the approximate area, and is subscribed for that postcode', async () => {
    const context = await browser.newContext({ bypassCSP: false });
    const page = await open(context);
    await page.getByLabel('Mijn postcode').check();

    // Nothing typed: the summary names the postcode, and its link leads to the field.
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Vul uw postcode in.');
    await page.getByRole('link', { name: 'Vul uw postcode in.' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('postcode');

    // A PO-box code is no area: said at once, before submitting.
    await page.keyboard.type('1010');
    await page.getByText('Deze postcode kennen wij niet.', { exact: false }).first().waitFor({ timeout: 10_000 });

    await page.getByLabel('Uw postcode').fill('3512 AB');
    await page.getByText('Gevonden: postcode 3512, Utrecht.').waitFor({ timeout: 10_000 });
    await page.getByText('bij benadering', { exact: false }).first().waitFor();
    await page.getByLabel('Per e-mail').check();
    const email = 'postcode-bewoner@example.org';
    await page.getByLabel('Uw e-mailadres').fill(email);

    const violations = [...(await axe(page)).map((v) => `nl: ${v}`)];
    await page.getByRole('button', { name: /^(EN|English)$/ }).first().click();
    await page.getByText('Found: postcode 3512, Utrecht.').waitFor();
    violations.push(...(await axe(page)).map((v) => `en: ${v}`));
    await page.getByRole('button', { name: /^(NL|Nederlands)$/ }).first().click();
    await page.getByText('Gevonden: postcode 3512, Utrecht.').waitFor();
    expect(violations).toEqual([]);

    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw mailbox' }).waitFor({ timeout: 15_000 });
    await page.getByText('Uw gebied: postcode 3512 (Utrecht), bij benadering.').waitFor();

    const row = stored(email);
    expect(row.area).toEqual({ kind: 'postcode', postcode: '3512' });
    expect(row.geometry).toEqual(bundledPostcodeAreas()!.outline('3512'));
    expect(row.status).toBe('pending');
    await waitFor(() => smtp.messages.some((m) => m.envelope.to.includes(email)), 'the confirmation mail', 20_000);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a resident uses "mijn locatie" without touching the map, and is subscribed for a circle around a rounded point', async () => {
    const context = await browser.newContext({ geolocation: { latitude: 52.092_712_3, longitude: 5.120_749_9 }, permissions: ['geolocation'] });
    const page = await open(context);
    await page.getByLabel('Op de kaart').check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Kies een plek');

    await page.getByRole('button', { name: 'Mijn locatie gebruiken' }).click();
    await page.getByText('Plek gekozen.', { exact: false }).waitFor({ timeout: 10_000 });
    await page.getByLabel('2 km').check();
    await page.getByText('U krijgt berichten voor 2 km rond deze plek.', { exact: false }).waitFor();
    await page.getByLabel('Per e-mail').check();
    const email = 'locatie-bewoner@example.org';
    await page.getByLabel('Uw e-mailadres').fill(email);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw mailbox' }).waitFor({ timeout: 15_000 });
    await page.getByText('Uw gebied: 2 km rond de plek die u koos.').waitFor();

    expect(stored(email).area).toEqual({ kind: 'circle', lat: 52.093, lon: 5.121, radiusM: 2000 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a communicator targets a draft at postcode 3512: the outline is shown, labelled approximate, and the draft stores the postcode', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${base}/`);
    await page.getByLabel('E-mailadres').fill(COMMUNICATOR.email);
    await page.getByLabel('Wachtwoord').fill(COMMUNICATOR.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Zenden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nieuw bericht' }).waitFor({ timeout: 15_000 });

    const headline = 'Druk bij de Neude';
    await page.locator('#nl-headline').fill(headline);
    await page.locator('#nl-body').fill('Het is erg druk op de Neude. Loop via de Oudegracht.');
    await page.getByRole('radiogroup', { name: 'Hoe kiest u het gebied?' }).getByLabel('Postcode').check();
    await page.getByLabel('Postcode (vier cijfers)').fill('1010');
    await page.getByText('Postcode 1010 is geen bekend postcodegebied.', { exact: false }).waitFor({ timeout: 10_000 });
    await page.getByLabel('Postcode (vier cijfers)').fill('3512');
    await page.getByText('Gekozen gebied: postcodegebied 3512 (Utrecht, bij benadering)').waitFor({ timeout: 10_000 });
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.getByText('Concept opgeslagen.', { exact: false }).waitFor({ timeout: 15_000 });
    const row = query<{ area: string; area_geometry: string }>('SELECT area, area_geometry FROM send_messages ORDER BY created_at DESC LIMIT 1');
    expect(JSON.parse(row!.area)).toEqual({ kind: 'postcode', postcode: '3512' });
    expect(JSON.parse(row!.area_geometry)).toEqual(bundledPostcodeAreas()!.outline('3512'));
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

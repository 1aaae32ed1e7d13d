import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destination } from '#respond/geo.ts';
import { axe, launchChromium } from '#test/support/browser.ts';
import { seedStaff, serve, stopServer, type Server } from '#test/support/e2e-server.ts';
import { FakePdok } from '#test/support/fake-pdok.ts';
import { webDir } from '#test/support/web-build.ts';

const EMAIL = 'meldkamer@waakzaam.test';
const PASSWORD = 'een heel goed wachtwoord';
/** The Neude in Utrecht; PDOK (the local fake speaking its protocol) answers 3512AE 11 with it. */
const NEUDE = { lat: 52.0931, lon: 5.1196 };

/**
 * Issue 7's proof in a real browser: the control room starts a dispatch from a postcode and house
 * number on the board; a volunteer opens the responder app from their link, accepts, sees the
 * cabinet code and their role, shares their location and arrives; the board follows every step
 * live over Server-Sent Events and shows the figures; closing it stands the others down.
 */
describe('respond: dispatch board and responder app in Chromium', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-respond-e2e-'));
  const env: Record<string, string> = {
    WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    WAAKZAAM_WEB_DIR: '',
    PORT: '0',
    WAAKZAAM_LOG_LEVEL: 'info',
    WAAKZAAM_PUBLIC_RATE_LIMIT: '100000',
    WAAKZAAM_POSTCODE_TABLE: join(dir, 'no-table.csv'),
  };
  let pdok: FakePdok;
  let server: Server;
  let base: string;
  let browser: Browser;
  let apiToken: string;
  const volunteers: Record<'fetcher' | 'east' | 'west', { id: string; token: string }> = {} as never;

  const api = async <T,>(method: string, path: string, body?: unknown, bearer = apiToken): Promise<T> => {
    const response = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    env.WAAKZAAM_WEB_DIR = webDir();
    pdok = await FakePdok.start([{ postcode: '3512AE', huisnummer: 11, straatnaam: 'Neude', woonplaatsnaam: 'Utrecht', ...NEUDE }]);
    env.WAAKZAAM_PDOK_URL = pdok.baseUrl;
    await seedStaff(env, { name: 'Meldkamer Midden-Nederland', kind: 'safety_region' }, [{ email: EMAIL, name: 'Centralist', password: PASSWORD, roles: ['operator'] }], async (ctx, organisationId) => {
      apiToken = (await ctx.accounts.createToken({ organisationId, name: 'CAD-koppeling', permissions: ['dispatch:manage'] }, 'test')).token;
    });
    ({ server, base } = await serve(env));
    browser = await launchChromium();

    // Registry through the control-room API. The AED lies on the fetcher's way to the victim, so
    // the dispatch sends that volunteer via the AED; the other two go straight to the victim.
    const aedPoint = destination(NEUDE, 150, 0);
    await api('POST', '/api/respond/aeds', { name: 'AED Lange Jansstraat', location: 'Lange Jansstraat, groene kast bij de bakker', position: { lat: aedPoint.lat, lon: aedPoint.lon }, cabinetCode: '4321', accessNotes: 'Kast naast de deur' });
    const register = async (name: string, metres: number, bearing: number) => {
      const home = destination(NEUDE, metres, bearing);
      const body = await api<{ volunteer: { id: string }; token: string }>('POST', '/api/respond/volunteers', { name, qualifiedUntil: '2030-12-31', addresses: [{ label: 'thuis', lat: home.lat, lon: home.lon }] });
      return { id: body.volunteer.id, token: body.token };
    };
    volunteers.fetcher = await register('Sanne Fictief', 350, 0);
    volunteers.east = await register('Ahmed Fictief', 600, 90);
    volunteers.west = await register('Tom Fictief', 150, 270);
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    await pdok?.close();
  });

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('navigation').getByText('Inzet').waitFor({ timeout: 15_000 });
    return page;
  }

  it('runs a dispatch from postcode to arrival, live on the board, accessible on every page', async () => {
    const errors: string[] = [];
    const boardContext = await browser.newContext({ bypassCSP: true });
    const board = await signIn(boardContext);
    board.on('pageerror', (error) => errors.push(error.message));
    await board.getByRole('navigation').getByText('Inzet').click();
    await board.getByRole('heading', { name: 'Nieuwe inzet starten' }).waitFor();

    // Registry view: counts by qualification and the AED list.
    await board.getByRole('link', { name: 'Registers' }).click();
    await board.getByText('3 vrijwilligers geregistreerd.').waitFor({ timeout: 10_000 });
    expect(await board.locator('[data-qualification="valid"]').textContent()).toBe('3');
    await board.getByRole('row', { name: /AED Lange Jansstraat/ }).waitFor();
    expect(await axe(board)).toEqual([]);
    await board.getByRole('link', { name: 'Inzetbord' }).click();

    // A wrong postcode is explained at the field, nothing is sent.
    await board.getByLabel('Postcode', { exact: true }).fill('35 AE');
    await board.getByLabel('Huisnummer', { exact: true }).fill('11');
    await board.getByRole('button', { name: 'Inzet starten' }).click();
    await board.getByText('Vul een geldige postcode in: vier cijfers en twee letters.').first().waitFor();
    expect(await axe(board)).toEqual([]);

    await board.getByLabel('Postcode', { exact: true }).fill('3512 ae');
    await board.getByLabel('Omschrijving van de plaats (optioneel)').fill('Neude, voor het podium');
    await board.getByRole('button', { name: 'Inzet starten' }).click();
    await board.waitForURL(/\/respond\/dispatches\//, { timeout: 15_000 });
    const dispatchId = decodeURIComponent(board.url().split('/respond/dispatches/')[1]!);
    await board.getByRole('heading', { name: 'Reanimatie: Neude, voor het podium' }).waitFor();
    const rowOf = (name: string) => board.getByRole('row', { name: new RegExp(name) });
    for (const name of ['Sanne Fictief', 'Ahmed Fictief', 'Tom Fictief']) await expect.poll(() => rowOf(name).textContent(), { timeout: 10_000 }).toContain('Gealarmeerd');
    expect(await rowOf('Sanne Fictief').textContent()).toContain('Haalt AED AED Lange Jansstraat');
    expect(pdok.requests.length).toBeGreaterThan(0);
    expect(await board.getByText('Locatie via pdok').count()).toBe(1);
    await board.locator('.connection__state--live').waitFor({ timeout: 10_000 });
    expect(await axe(board)).toEqual([]);

    // The responder app, on a phone-sized screen, signed in by the link with the token in the fragment.
    const phoneContext = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, permissions: ['geolocation'], geolocation: { latitude: 52.0944, longitude: 5.1196 } });
    const phone = await phoneContext.newPage();
    phone.on('pageerror', (error) => errors.push(error.message));
    await phone.goto(`${base}/citizen/hulpverlener#token=${volunteers.fetcher.token}`);
    await phone.getByText('Welkom, Sanne Fictief.', { exact: false }).waitFor({ timeout: 15_000 });
    expect(phone.url()).not.toContain('token=');
    expect(await phone.evaluate(() => window.localStorage.getItem('waakzaam.responderToken'))).toBe(volunteers.fetcher.token);
    await phone.getByText('Reanimatie nodig in uw buurt!').waitFor({ timeout: 10_000 });
    expect(await axe(phone)).toEqual([]);
    await phone.getByRole('link', { name: 'Bekijk de oproep' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Reanimatie nodig' }).waitFor();
    await phone.getByRole('heading', { name: 'Uw taak: haal eerst de AED' }).waitFor();
    expect(await phone.getByText(/Haal de AED bij AED Lange Jansstraat, Lange Jansstraat, groene kast bij de bakker\. Ga daarna/).count()).toBe(1);
    // No cabinet code before accepting.
    expect(await phone.getByRole('button', { name: 'Toon de code van de AED-kast' }).count()).toBe(0);
    expect(await axe(phone)).toEqual([]);

    await phone.getByRole('button', { name: 'Ik ga' }).click();
    await phone.getByRole('status').getByText('U komt').waitFor();
    await expect.poll(() => rowOf('Sanne Fictief').textContent(), { timeout: 10_000 }).toContain('Geaccepteerd');
    await expect.poll(() => board.locator('[data-figure="first-accept"]').textContent(), { timeout: 10_000 }).not.toBe('–');

    await phone.getByRole('button', { name: 'Toon de code van de AED-kast' }).click();
    expect(await phone.getByTestId('cabinet-code').textContent()).toBe('4321');
    await phone.getByText('Kast naast de deur').waitFor();
    await phone.screenshot({ path: join(dir, 'phone-alert.png'), fullPage: true });
    await phone.getByRole('heading', { name: 'Zo reanimeert u' }).or(phone.getByText('Zo reanimeert u')).first().waitFor();
    expect(await phone.getByText('Druk 30 keer hard midden op de borst: 5 tot 6 centimeter diep, 100 tot 120 keer per minuut.').count()).toBe(1);
    const victimRoute = phone.getByRole('link', { name: 'Route naar het slachtoffer in uw kaartenapp' });
    expect(await victimRoute.getAttribute('href')).toMatch(/^geo:52\.093100,5\.119600\?q=/);

    // Location: only with consent, and the board then has the responder on its map list.
    await phone.getByRole('button', { name: 'Ik ben onderweg' }).click();
    await phone.getByRole('status').getByText('U bent onderweg').waitFor();
    await phone.getByLabel('Ja, deel mijn locatie tijdens deze oproep').check();
    await phone.getByText('Uw locatie wordt gedeeld met de meldkamer.').waitFor({ timeout: 10_000 });
    await expect.poll(() => rowOf('Sanne Fictief').textContent(), { timeout: 15_000 }).toMatch(/Onderweg.*Ja$/);
    expect(await axe(phone)).toEqual([]);

    // Another volunteer declines through the API; the board hears it too.
    await api('POST', `/api/responder/alerts/${dispatchId}/status`, { action: 'decline' }, volunteers.west.token);
    await expect.poll(() => rowOf('Tom Fictief').textContent(), { timeout: 10_000 }).toContain('Geweigerd');

    await phone.getByRole('button', { name: 'Ik ben er' }).click();
    await phone.getByRole('status').getByText('U bent ter plaatse').waitFor();
    await expect.poll(() => rowOf('Sanne Fictief').textContent(), { timeout: 10_000 }).toContain('Ter plaatse');
    await expect.poll(() => board.locator('[data-figure="first-arrival"]').textContent(), { timeout: 10_000 }).toMatch(/^\d+:\d\d$/);
    await expect.poll(() => board.locator('[data-figure="aed-on-scene"]').textContent(), { timeout: 10_000 }).toMatch(/^\d+:\d\d$/);
    await board.getByText('Eerste hulpverlener ter plaatse').waitFor();
    await board.screenshot({ path: join(dir, 'dispatch.png'), fullPage: true });
    // Sharing stopped on arrival, and the server forgot the location.
    await expect.poll(async () => (await api<{ live: unknown }>('GET', '/api/responder/me', undefined, volunteers.fetcher.token)).live, { timeout: 10_000 }).toBeNull();

    // The ambulance is there: ending takes a confirmation and stands the rest down.
    await board.getByRole('button', { name: 'Ambulance ter plaatse' }).click();
    await board.getByRole('button', { name: 'Ja, inzet beëindigen' }).click();
    await board.locator('.respond-status').getByText('Afgesloten').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => rowOf('Ahmed Fictief').textContent(), { timeout: 10_000 }).toContain('Afgemeld');
    await phone.getByRole('heading', { level: 1, name: 'Oproep beëindigd' }).waitFor({ timeout: 15_000 });

    // Back on the board list, the dispatch is under "recently closed" with its figures.
    await board.getByRole('link', { name: 'Terug naar het inzetbord' }).click();
    await board.getByRole('list', { name: 'Recent afgesloten' }).getByText('Neude, voor het podium').waitFor();
    expect(await axe(board)).toEqual([]);

    // The responder app in English.
    await phone.getByRole('link', { name: 'Terug naar mijn oproepen' }).click();
    await phone.getByRole('button', { name: /^(EN|English)$/ }).first().click();
    await phone.getByRole('heading', { level: 1, name: 'Volunteer responder' }).waitFor();

    await board.screenshot({ path: join(dir, 'board.png'), fullPage: true });
    expect(errors).toEqual([]);
    await phoneContext.close();
    await boardContext.close();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launchChromium } from '#test/support/browser.ts';
import { seedStaff, serve, stopServer, type Server } from '#test/support/e2e-server.ts';
import { webDir } from '#test/support/web-build.ts';
import { buildDraft } from '#test/send/builders.ts';

const COMMUNICATOR = { email: 'communicatie@utrecht.test', password: 'een heel goed wachtwoord' };
const COORDINATOR = { email: 'coordinator@utrecht.test', password: 'nog een heel goed wachtwoord' };
const NL = { headline: 'Het is erg druk bij de Noorduitgang', body: 'Gebruik de Zuiduitgang.\nDe Noorduitgang is dicht.', instruction: 'Volg de aanwijzingen van de beveiliging.' };
const EN = { headline: 'It is very crowded at the north exit', body: 'Please use the south exit.', instruction: 'Follow the instructions of the stewards.' };
const UPDATED = { headline: 'De Noorduitgang is weer open', body: 'Het is rustiger geworden.' };

/**
 * The page every channel links to (issue 5): the real server (`waakzaam serve`, SQLite), messages
 * written and approved over the staff API by two people, and a resident who opens the link on a
 * phone: reads it in Dutch, switches to English, and follows "bijgewerkt" / "ingetrokken" to the
 * newest version. Every state is checked with axe.
 */
describe('the public message page in Chromium', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-e2e-message-'));
  const env: Record<string, string> = { WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`, WAAKZAAM_WEB_DIR: '', PORT: '0', WAAKZAAM_LOG_LEVEL: 'info' };
  let server: Server;
  let base: string;
  let browser: Browser;
  const sessions: Record<string, string> = {};
  const ids = { alert: '', exercise: '', update: '', cancel: '' };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    env.WAAKZAAM_WEB_DIR = webDir();
    await seedStaff(env, { name: 'Gemeente Utrecht', kind: 'municipality' }, [{ email: COMMUNICATOR.email, name: 'Communicatieadviseur', password: COMMUNICATOR.password, roles: ['communicator'] }, { email: COORDINATOR.email, name: 'Coördinator', password: COORDINATOR.password, roles: ['coordinator'] }]);
    ({ server, base } = await serve(env));
    sessions.author = await login(COMMUNICATOR);
    sessions.approver = await login(COORDINATOR);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  async function login(who: { email: string; password: string }): Promise<string> {
    const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
    expect(response.status).toBeLessThan(300);
    return (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  }

  async function call(who: 'author' | 'approver', path: string, body?: unknown): Promise<{ id: string; status: string }> {
    const response = await fetch(`${base}/api/send/messages${path}`, { method: 'POST', headers: { cookie: sessions[who]!, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    const text = await response.text();
    expect(response.status, `${path}: ${text}`).toBeLessThan(300);
    return JSON.parse(text) as { id: string; status: string };
  }

  /** Written by the communicator, approved by the coordinator: published. */
  async function publish(draft: { id: string }): Promise<string> {
    await call('author', `/${draft.id}/submit`);
    const approved = await call('approver', `/${draft.id}/approve`);
    expect(approved.status).toBe('published');
    return approved.id;
  }

  async function resident(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Headless Chromium without a GPU may refuse WebGL; the page then keeps its drawing of the area.
      if (message.type() === 'error' && !/WebGL|webgl|Failed to load resource/i.test(message.text())) pageErrors.push(message.text());
    });
    return { context, page };
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

  it('publishes a warning in Dutch and English, and a Dutch-only exercise', async () => {
    ids.alert = await publish(await call('author', '', buildDraft({ channels: ['feed'], content: { nl: NL, en: EN } })));
    ids.exercise = await publish(await call('author', '', buildDraft({ channels: ['feed'], exercise: true, area: null, content: { nl: { headline: 'Oefening: ontruiming stadhuis', body: 'Vandaag oefenen we de ontruiming van het stadhuis.' } } })));
    expect(ids.alert).not.toBe(ids.exercise);
  });

  it('a resident opens the link, reads it in Dutch, then in English', async () => {
    const { context, page } = await resident();
    await page.goto(`${base}/citizen/messages/${ids.alert}`);
    await expect.poll(() => h1(page).innerText(), { timeout: 15_000 }).toBe(NL.headline);
    expect(await h1(page).count()).toBe(1);
    const main = page.getByRole('main');
    expect(await main.innerText()).toContain('Gebruik de Zuiduitgang.');
    expect(await main.innerText()).toContain(NL.instruction);
    expect(await main.getByText(/^Gepubliceerd om \d\d:\d\d/).count()).toBe(1);
    expect(await main.getByText('Bericht van Gemeente Utrecht').count()).toBe(1);
    // The area in words, always; and as a picture: the map, or the drawing when WebGL is missing.
    const figure = page.locator('figure.message-map');
    expect(await figure.locator('figcaption').innerText()).toMatch(/Utrecht/);
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-map'), { timeout: 20_000 }).toMatch(/^(ready|unavailable)$/);
    const mapState = await figure.getAttribute('data-map');
    expect(await figure.locator(mapState === 'ready' ? 'canvas' : 'svg.area-sketch').count()).toBe(1);
    // Drawn at a visible size (a container without height draws nothing, and says "ready").
    expect((await figure.locator(mapState === 'ready' ? 'canvas' : 'svg.area-sketch').boundingBox())?.height ?? 0).toBeGreaterThan(120);
    const subscribe = main.getByRole('link', { name: 'Meldingen ontvangen voor uw buurt' });
    expect(await subscribe.getAttribute('href')).toBe('/citizen/subscribe');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByText('OEFENING').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: /^(EN|English)$/ }).first().click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => h1(page).innerText()).toBe(EN.headline);
    expect(await main.innerText()).toContain(EN.body);
    expect(await main.innerText()).toContain(EN.instruction);
    expect(await main.getByText(/^Published at \d\d:\d\d/).count()).toBe(1);
    expect(await main.getByRole('link', { name: 'Get notifications for your neighbourhood' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an exercise says so first, in both languages; a Dutch-only text stays Dutch (and says so)', async () => {
    const { context, page } = await resident();
    await page.goto(`${base}/citizen/messages/${ids.exercise}`);
    await expect.poll(() => h1(page).innerText(), { timeout: 15_000 }).toBe('Oefening: ontruiming stadhuis');
    expect(await page.getByText('OEFENING — dit is geen echt bericht').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: /^(EN|English)$/ }).first().click();
    await page.getByText('EXERCISE — this is not a real message').waitFor();
    expect(await page.getByText('This message is only available in Dutch.').count()).toBe(1);
    // Still the Dutch headline and text, marked as Dutch for screen readers.
    expect(await h1(page).innerText()).toBe('Oefening: ontruiming stadhuis');
    expect(await page.getByText('Vandaag oefenen we').evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('nl');
    expect(await axe(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an updated message says so, and its link opens the newest version', async () => {
    ids.update = await publish(await call('author', `/${ids.alert}/update`, { content: { nl: UPDATED } }));
    const { context, page } = await resident();
    await page.goto(`${base}/citizen/messages/${ids.alert}`);
    const notice = page.getByRole('note').filter({ hasText: 'Dit bericht is bijgewerkt' });
    await notice.waitFor({ timeout: 15_000 });
    // The old text stays readable below the notice.
    expect(await h1(page).innerText()).toBe(NL.headline);
    expect(await axe(page)).toEqual([]);
    await notice.getByRole('link', { name: 'Lees het nieuwste bericht' }).click();
    await page.waitForURL(`${base}/citizen/messages/${ids.update}`);
    await expect.poll(() => h1(page).innerText(), { timeout: 15_000 }).toBe(UPDATED.headline);
    // Focus moved to the new page's heading and stayed there while it loaded.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByText('Dit is een nieuwe versie van een eerder bericht.').count()).toBe(1);
    expect(await page.getByText('Dit bericht is bijgewerkt').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a withdrawn message says it is withdrawn, and links to the cancellation', async () => {
    ids.cancel = await publish(await call('author', `/${ids.update}/cancel`, { reason: 'Het evenement is afgelopen.' }));
    // A fresh browser: the API answer may be cached for 30 seconds (Cache-Control), so a reader
    // who opened the page just before the cancellation can see the older state for that long.
    const { context, page } = await resident();
    for (const id of [ids.alert, ids.update]) {
      await page.goto(`${base}/citizen/messages/${id}`);
      const withdrawn = page.getByRole('note').filter({ hasText: 'Dit bericht is ingetrokken' });
      await withdrawn.waitFor({ timeout: 15_000 });
      expect(await withdrawn.getByRole('link', { name: 'Lees waarom' }).getAttribute('href')).toBe(`/citizen/messages/${ids.cancel}`);
    }
    await page.getByRole('link', { name: 'Lees waarom' }).click();
    await page.getByText('Het evenement is afgelopen.').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('note').filter({ hasText: 'Dit bericht is ingetrokken' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a link to a message that is not public, or does not exist, says so without an error', async () => {
    const draft = await call('author', '', buildDraft({ channels: ['feed'] }));
    const { context, page } = await resident();
    for (const id of [draft.id, '00000000-0000-7000-8000-000000000000', 'geen-bericht']) {
      await page.goto(`${base}/citizen/messages/${id}`);
      await expect.poll(() => h1(page).innerText(), { timeout: 15_000 }).toBe('Dit bericht bestaat niet');
    }
    expect(await page.getByText(buildDraft().content.nl.headline).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

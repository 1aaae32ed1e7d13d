import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '#test/support/browser.ts';
import { runCli } from '#test/support/cli.ts';
import { seedStaff, serve, stopServer, type Server } from '#test/support/e2e-server.ts';
import { buildReplayLine } from '#test/support/posts.ts';
import { webDir } from '#test/support/web-build.ts';

const require = createRequire(import.meta.url);
const EMAIL = 'analist@waakzaam.test';
const PASSWORD = 'een heel goed wachtwoord';

/**
 * The whole slice in a real browser: the server runs as its own process (`waakzaam serve`), a
 * second process replays posts into the same store (`waakzaam replay`), and Chromium signs in and
 * sees the posts arrive in the live feed.
 */
describe('dashboard in Chromium', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-e2e-'));
  const env = { WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`, WAAKZAAM_WEB_DIR: '', PORT: '0', WAAKZAAM_LOG_LEVEL: 'info' };
  let server: Server;
  let base: string;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    env.WAAKZAAM_WEB_DIR = webDir();
    await seedStaff(env, { name: 'Gemeente Utrecht', kind: 'municipality' }, [{ email: EMAIL, name: 'Analist', password: PASSWORD, roles: ['analyst'] }]);
    ({ server, base } = await serve(env));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  async function signIn(page: Page): Promise<void> {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${base}/`);
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  it('signs in (in Dutch) and shows replayed posts arriving live in the feed', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await expect.poll(() => page.getByRole('navigation').getByText('Kijken').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const feed = page.getByRole('list', { name: 'Berichten: Alle berichten' });
    await feed.waitFor({ state: 'attached', timeout: 15_000 });

    const file = join(dir, 'live.jsonl');
    writeFileSync(file, ['Stroomstoring bij Vredenburg, alles donker #zomerfeest', '<img src=x onerror=alert(1)> kapot druk bij de uitgang'].map((text, i) => buildReplayLine({ id: `e2e-${i}`, text })).join('\n') + '\n');
    const replay = await runCli(['replay', file, '--org', 'Gemeente Utrecht'], env);
    expect(replay.code, replay.stderr).toBe(0);

    await expect.poll(() => feed.getByText('Stroomstoring bij Vredenburg', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    // Untrusted text is shown as text, never as markup.
    await expect.poll(() => feed.getByText('<img src=x onerror=alert(1)> kapot druk', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The lines carry no language tag: the card names the detected one and marks the text with it.
    const card = feed.locator('article', { hasText: 'Stroomstoring bij Vredenburg' }).first();
    await expect.poll(() => card.getByText('Nederlands', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await card.locator('[lang="nl"]').count()).toBeGreaterThan(0);
    expect(pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    // Searching marks the words found in the cards that match.
    await page.getByLabel('Zoeken in berichten').fill('vredenburg');
    await expect.poll(() => feed.locator('mark.post__match').allInnerTexts(), { timeout: 5_000 }).toEqual(['Vredenburg']);
    await page.screenshot({ path: join(dir, 'feed.png'), fullPage: true });
    await page.getByLabel('Zoeken in berichten').fill('');
    await expect.poll(() => feed.locator('mark').count(), { timeout: 5_000 }).toBe(0);
    await page.close();
  });

  it('corrects a classification in the post detail: the new category shows at once and is kept', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const feed = page.getByRole('list', { name: 'Berichten: Alle berichten' });
    await feed.waitFor({ state: 'attached', timeout: 15_000 });
    const card = () => feed.locator('article', { hasText: 'Stroomstoring bij Vredenburg' }).first();
    await card().getByRole('button', { name: 'Details' }).click();
    const detail = page.getByRole('dialog');
    await detail.getByRole('button', { name: 'Corrigeer' }).click();
    await detail.getByLabel('Juiste categorie').selectOption({ label: 'Brand' });
    await detail.getByLabel('Prioriteit (niet verplicht)').selectOption({ label: 'Hoog' });
    await detail.getByRole('button', { name: 'Correctie opslaan' }).click();
    await detail.getByText('Opgeslagen. Nieuwe classificatie: Brand, prioriteit Hoog.').waitFor({ timeout: 10_000 });
    // Stored: after a reload the post is a fire of high priority, marked as judged.
    await page.reload();
    await feed.waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => card().innerText(), { timeout: 15_000 }).toMatch(/Categorie:\s*Brand\s*Prioriteit:\s*Hoog[\s\S]*beoordeeld/);
    await card().getByRole('button', { name: 'Details' }).click();
    await detail.getByText('Eerder beoordeeld', { exact: false }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('switches the dashboard to English', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.getByRole('navigation').getByText('Kijken').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /^(EN|English)$/ }).first().click();
    await expect.poll(() => page.getByRole('navigation').getByText('Watch').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });

  it('has no WCAG 2.1 A/AA violations (axe-core) on the login page, the feed, a post detail with its correction form and the citizen app', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const axe = async () => {
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      return page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
    };
    await page.goto(`${base}/`);
    await page.getByLabel('E-mailadres').waitFor();
    expect(await axe()).toEqual([]);
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const feed = page.getByRole('list', { name: 'Berichten: Alle berichten' });
    await feed.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await axe()).toEqual([]);
    // With a search's words marked in the cards (their contrast).
    await page.getByLabel('Zoeken in berichten').fill('vredenburg');
    await feed.locator('mark.post__match').first().waitFor({ timeout: 5_000 });
    expect(await axe()).toEqual([]);
    await page.getByLabel('Zoeken in berichten').fill('');
    // The post detail with the correction form open: the explanation chart, the selects, the feedback.
    await feed.locator('article').first().getByRole('button', { name: 'Details' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Corrigeer' }).click();
    await page.getByRole('dialog').getByLabel('Juiste categorie').waitFor();
    expect(await axe()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.goto(`${base}/citizen/`);
    await page.getByRole('main').waitFor();
    expect(await axe()).toEqual([]);
    await context.close();
  });
});

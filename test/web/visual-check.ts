import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startMockServer } from './mock-server.ts';

/*
 * Looks at the dashboard's Watch mode as a person would, against test/web/mock-server.ts: takes
 * screenshots of every view (columns, detail panel, feedback, reveal dialog, map, sources, a
 * narrow screen) under the production CSP, reports CSP violations and console errors, and runs
 * axe-core (WCAG 2.1 A/AA) on each view in a second context that bypasses the CSP only so axe can
 * be injected. Not a vitest test (no browser in vitest); run it by hand after `npx vite build`:
 *   node --import tsx test/web/visual-check.ts            (screenshots in /tmp/waakzaam-visual)
 * Exits non-zero on an axe violation, a CSP violation or a page error.
 */

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const OUT = process.env.VISUAL_OUT ?? '/tmp/waakzaam-visual';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // WebGL in software (SwiftShader), so that the MapLibre map renders without a GPU.
  '--enable-unsafe-swiftshader',
];

interface Finding {
  state: string;
  kind: 'axe' | 'csp' | 'error';
  detail: string;
}

type Step = (page: Page) => Promise<void>;

async function login(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/watch`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('geheim');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('navigation').getByText('Kijken').waitFor();
  await page.getByRole('list', { name: /berichten|posts/i }).first().locator('li').first().waitFor();
}

/** The states to look at, in order; each step leaves the page in the state named. */
function states(base: string): [string, Step][] {
  return [
    ['columns', async (page) => login(page, base, 'coordinator@example.nl')],
    [
      'detail',
      async (page) => {
        await page.getByRole('list', { name: 'Berichten: Alle relevante' }).getByRole('button', { name: /^Details/ }).first().click();
        await page.getByRole('dialog', { name: 'Bericht' }).getByText('Waarom deze classificatie').waitFor();
      },
    ],
    [
      'feedback',
      async (page) => {
        const dialog = page.getByRole('dialog', { name: 'Bericht' });
        await dialog.getByRole('button', { name: 'Corrigeer' }).click();
        await dialog.getByLabel('Juiste categorie').selectOption('fire');
        await dialog.getByLabel('Prioriteit (niet verplicht)').selectOption('high');
        await dialog.getByRole('button', { name: 'Correctie opslaan' }).click();
        await dialog.getByText(/Opgeslagen\. Nieuwe classificatie: Brand/).waitFor();
      },
    ],
    [
      'reveal',
      async (page) => {
        await page.getByRole('button', { name: 'Toon identiteit' }).click();
        const reveal = page.getByRole('dialog', { name: 'Identiteit tonen' });
        await reveal.getByRole('button', { name: 'Identiteit tonen en vastleggen' }).click();
        await reveal.getByText(/minstens 10 tekens/).waitFor();
        await reveal.getByLabel(/Doel/).fill('Onderzoek naar dreiging tijdens het festival, zaak 2026-114');
        await reveal.getByRole('button', { name: 'Identiteit tonen en vastleggen' }).click();
        await reveal.getByText(/auditlog|bewaartermijn/).first().waitFor();
      },
    ],
    [
      'map',
      async (page) => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await page.getByRole('link', { name: 'Kaart' }).click();
        await page.getByRole('list', { name: 'Berichten op de kaart' }).locator('li').first().waitFor();
        await page.locator('.maplibregl-canvas, .notice--info').first().waitFor();
        await page.waitForTimeout(2500);
      },
    ],
    [
      'sources',
      async (page) => {
        await page.getByRole('link', { name: 'Bronnen' }).click();
        await page.getByRole('list', { name: 'Ingestelde bronnen' }).waitFor();
      },
    ],
    [
      'source-form',
      async (page) => {
        await page.getByRole('button', { name: 'Bron toevoegen' }).click();
        await page.getByRole('button', { name: 'Opslaan' }).click();
        await page.getByText('Controleer de gemarkeerde velden.').waitFor();
      },
    ],
    [
      'narrow',
      async (page) => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByRole('link', { name: 'Kolommen' }).click();
        await page.getByRole('list', { name: /berichten/i }).first().locator('li').first().waitFor();
      },
    ],
    [
      'english',
      async (page) => {
        await page.setViewportSize({ width: 1440, height: 900 });
        await page.getByRole('button', { name: 'EN', exact: true }).click();
        await page.getByRole('list', { name: 'Posts: All posts' }).waitFor();
      },
    ],
  ];
}

async function runAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  });
}

async function walk(browser: Browser, base: string, mode: 'look' | 'axe', findings: Finding[]): Promise<void> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: mode === 'axe', locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  let state = 'start';
  page.on('console', (message) => {
    // Before signing in, GET /api/auth/me answers 401 by design.
    if (message.type() === 'error' && !(state === 'columns' && message.text().includes('401'))) {
      findings.push({ state, kind: /Content Security Policy/i.test(message.text()) ? 'csp' : 'error', detail: message.text() });
    }
  });
  page.on('pageerror', (error) => findings.push({ state, kind: 'error', detail: error.message }));
  try {
    for (const [name, step] of states(base)) {
      state = name;
      await step(page);
      if (mode === 'look') {
        await page.screenshot({ path: join(OUT, `${name}.png`) });
      } else {
        for (const violation of await runAxe(page)) {
          findings.push({ state: name, kind: 'axe', detail: violation });
        }
      }
    }
  } catch (error) {
    await page.screenshot({ path: join(OUT, `failed-${mode}-${state}.png`) }).catch(() => undefined);
    findings.push({ state, kind: 'error', detail: `step failed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    await context.close();
  }
}

mkdirSync(OUT, { recursive: true });
const server = await startMockServer({ liveEveryMs: 700 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const findings: Finding[] = [];
try {
  await walk(browser, server.url, 'look', findings);
  await walk(browser, server.url, 'axe', findings);
} finally {
  await browser.close();
  await server.close();
}
for (const finding of findings) {
  console.log(`[${finding.kind}] ${finding.state}: ${finding.detail}`);
}
console.log(`${findings.length === 0 ? 'OK' : 'PROBLEMS'}: ${findings.length} finding(s); screenshots in ${OUT}`);
process.exitCode = findings.length === 0 ? 0 : 1;

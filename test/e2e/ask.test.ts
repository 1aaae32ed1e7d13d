import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launchChromium } from '#test/support/browser.ts';
import { seedStaff, serve, stopServer, type Server } from '#test/support/e2e-server.ts';
import { startFakePushService, type FakePushService } from '#test/support/fake-push-service.ts';
import { waitFor } from '#test/support/wait.ts';
import { webDir } from '#test/support/web-build.ts';

const EMAIL = 'operator@waakzaam.test';
const PASSWORD = 'een heel goed wachtwoord';
const TITLE = 'Getuigen gezocht: overval juwelier Oudegracht';
/** The robbery's place: the Oudegracht in Utrecht. */
const CENTRE = { lat: 52.0907, lon: 5.1214 };

/** A "photo": blurred colour noise has structure at every scale, like a real scene. */
async function makePhoto(seedColour: string): Promise<Buffer> {
  const noise = await sharp({ create: { width: 80, height: 60, channels: 3, background: seedColour, noise: { type: 'gaussian', mean: 128, sigma: 80 } } })
    .png()
    .toBuffer();
  return sharp(noise).resize(640, 480, { kernel: 'cubic' }).blur(2).jpeg({ quality: 90 }).toBuffer();
}

/**
 * The demo in a real browser (SPEC A1–A3): an operator starts a witness appeal for a
 * robbery in Utrecht in the dashboard; a resident opens it in the citizen app and answers with a
 * photo, and again with a near-identical copy; the operator's live queue groups the two photos;
 * the operator closes the appeal with its outcome and the closing message reaches every
 * resident who received the appeal (local push service, real RFC 8291 encryption). The server is
 * its own process on SQLite; every page is checked with axe.
 */
describe('Ask in Chromium', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-e2e-ask-'));
  const env: Record<string, string> = { WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`, WAAKZAAM_MEDIA_DIR: join(dir, 'media'), WAAKZAAM_WEB_DIR: '', PORT: '0', WAAKZAAM_LOG_LEVEL: 'info' };
  let server: Server;
  let push: FakePushService;
  let base: string;
  let browser: Browser;
  let operator: BrowserContext;
  let citizen: BrowserContext;
  let appealUrl = '';
  const pageErrors: string[] = [];
  const recipients: { inside: string[]; outside: string[] } = { inside: [], outside: [] };
  const photoPath = join(dir, 'overval.jpg');
  const copyPath = join(dir, 'overval-klein.jpg');
  const appealPhotoPath = join(dir, 'scooter.jpg');

  beforeAll(async () => {
    env.WAAKZAAM_WEB_DIR = webDir();
    await seedStaff(env, { name: 'Gemeente Utrecht', kind: 'municipality' }, [{ email: EMAIL, name: 'Operator', password: PASSWORD, roles: ['operator'] }]);
    push = await startFakePushService();
    ({ server, base } = await serve(env));

    const photo = await makePhoto('#204060');
    writeFileSync(photoPath, photo);
    // The same photo as a phone might send it again: half the size, compressed harder.
    writeFileSync(copyPath, await sharp(photo).resize(320).jpeg({ quality: 55 }).toBuffer());
    writeFileSync(appealPhotoPath, await makePhoto('#806020'));

    // Residents who subscribed to messages by Web Push: three near the Oudegracht, one in Amsterdam.
    const subscribe = async (area: unknown) => {
      const browserSubscription = push.subscribe();
      const response = await fetch(`${base}/api/public/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'webpush', subscription: { endpoint: browserSubscription.endpoint, keys: browserSubscription.keys }, area, topics: [], language: 'nl', organisationId: null }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return browserSubscription.id;
    };
    for (const offset of [0, 0.002, -0.003]) recipients.inside.push(await subscribe({ kind: 'circle', lat: CENTRE.lat + offset, lon: CENTRE.lon + offset, radiusM: 500 }));
    recipients.outside.push(await subscribe({ kind: 'circle', lat: 52.3728, lon: 4.8936, radiusM: 500 }));

    browser = await launchChromium();
    operator = await browser.newContext();
    // The resident allows the location when the phone asks (after pressing the button).
    citizen = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, geolocation: { latitude: CENTRE.lat, longitude: CENTRE.lon, accuracy: 15 }, permissions: ['geolocation'] });
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    await push?.close();
  });

  function watch(page: Page): Page {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource|WebGL|webgl/i.test(message.text())) pageErrors.push(message.text());
    });
    return page;
  }

  it('an operator starts a witness appeal for the robbery from the dashboard', async () => {
    const page = watch(await operator.newPage());
    await page.goto(`${base}/`);
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('navigation').getByText('Vragen').first().click();
    await page.getByRole('link', { name: 'Nieuwe oproep' }).first().click();
    await page.getByRole('heading', { name: 'Nieuwe oproep', level: 2 }).waitFor({ timeout: 15_000 });
    expect(await axe(page)).toEqual([]);

    // Publishing an empty form lists what is missing and puts focus on that list.
    await page.getByRole('button', { name: 'Publiceren' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'punten om aan te vullen' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByLabel('Getuigenoproep').check();
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Beschrijving', { exact: true }).fill('Vanmiddag om 14.10 uur is een juwelier aan de Oudegracht overvallen. Twee mannen vluchtten op een zwarte scooter richting de Neude.');
    await page.locator('#photos').setInputFiles(appealPhotoPath);
    await page.getByRole('radio', { name: 'Cirkel' }).check();
    await page.getByLabel('Breedtegraad').fill(String(CENTRE.lat));
    await page.getByLabel('Lengtegraad').fill(String(CENTRE.lon));
    await page.getByLabel('Straal in meters').fill('800');
    await page.getByLabel('Hoe kunnen mensen reageren?').fill('Geef een tip via deze pagina of bel 0900-8844.');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publiceren' }).click();

    await page.waitForURL((url) => /\/ask\/appeals\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'), { timeout: 15_000 });
    appealUrl = page.url();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await expect.poll(() => page.getByText('Loopt', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('a resident reads the appeal in the citizen app and sends a tip with a photo, then a near-identical copy', async () => {
    const appealId = decodeURIComponent(appealUrl.split('/').pop()!);
    const page = watch(await citizen.newPage());
    await page.goto(`${base}/citizen/oproep/${encodeURIComponent(appealId)}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByText('Twee mannen vluchtten op een zwarte scooter', { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Tip geven' }).click();
    await page.getByRole('heading', { name: 'Tip geven', level: 1 }).waitFor();
    expect(await axe(page)).toEqual([]);

    // What is typed survives a reload: the draft is on the phone.
    await page.getByLabel('Wat heeft u gezien?').fill('Twee mannen op een zwarte scooter, een met een rode jas, reden over de Oudegracht richting Neude.');
    await expect.poll(() => page.getByText('Concept bewaard om', { exact: false }).count()).toBe(1);
    await page.reload();
    await page.getByText('Wij hebben uw concept van', { exact: false }).waitFor();
    expect(await page.getByLabel('Wat heeft u gezien?').inputValue()).toContain('rode jas');

    await page.getByRole('button', { name: 'Mijn locatie toevoegen' }).click();
    await page.getByText('Locatie toegevoegd', { exact: false }).waitFor();
    await page.locator('#photo-gallery').setInputFiles(photoPath);
    await page.getByRole('img', { name: 'Gekozen foto 1' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(dir, 'tip-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Tip versturen' }).click();
    await page.getByRole('heading', { name: 'Bedankt voor uw tip' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/).count()).toBe(1);
    expect(await axe(page)).toEqual([]);

    // A second resident, in English, sends the smaller recompressed copy with a photo only.
    const second = watch(await citizen.newPage());
    await second.goto(`${base}/citizen/oproep/${encodeURIComponent(appealId)}/tip`);
    await second.getByRole('button', { name: /^(EN|English)$/ }).first().click();
    await second.getByRole('heading', { name: 'Send a tip', level: 1 }).waitFor();
    expect(await axe(second)).toEqual([]);
    await second.locator('#photo-camera').setInputFiles(copyPath);
    await second.getByRole('button', { name: 'Send tip' }).click();
    await second.getByRole('heading', { name: 'Thank you for your tip' }).waitFor({ timeout: 20_000 });
    expect(await axe(second)).toEqual([]);
    await second.close();
    await page.close();
  });

  it('the operator’s live queue shows both tips and groups the two near-identical photos', async () => {
    const page = watch(await operator.newPage());
    await page.goto(`${base}/ask`);
    const queue = page.getByRole('list', { name: /tips$/ });
    await queue.waitFor({ timeout: 15_000 });
    await expect.poll(() => queue.getByRole('listitem').filter({ hasText: 'rode jas' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => queue.locator(':scope > li').count(), { timeout: 15_000 }).toBe(2);
    // Photos are hashed after the tip is stored; the stream brings the grouping in when it is done.
    const groups = page.getByRole('region', { name: 'Bijna dezelfde foto’s' });
    await expect.poll(() => groups.getByText('2 bijna dezelfde foto’s').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('img.ask-thumb__image').evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await groups.getByRole('button', { name: 'Markeer de tips met deze foto' }).click();
    expect(await page.getByText('In gemarkeerde fotogroep').count()).toBe(2);

    // The original, through the audited endpoint only (the dialog says that viewing is logged); then triage.
    const first = queue.getByRole('listitem').filter({ hasText: 'rode jas' });
    await first.getByRole('button', { name: 'Origineel bekijken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Originele foto' });
    await dialog.getByText('vastgelegd in het auditlog', { exact: false }).waitFor();
    await dialog.getByLabel('Waarom bekijkt u het origineel?', { exact: false }).fill('Signalement vergelijken');
    await dialog.getByRole('button', { name: 'Origineel bekijken (vastgelegd)' }).click();
    await dialog.getByText('De SHA-256 klopt met die bij ontvangst', { exact: false }).waitFor({ timeout: 10_000 });
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Sluiten' }).last().click();
    // Marked useful, the tip leaves the open queue (and counts in the appeal's figures).
    await first.getByRole('button', { name: 'Bruikbaar', exact: true }).click();
    await page.getByText('Status gewijzigd in “Bruikbaar”.').waitFor();
    await expect.poll(() => queue.getByRole('listitem').filter({ hasText: 'rode jas' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    // The same queue in English, then back to Dutch for the next step.
    await page.getByRole('button', { name: /^(EN|English)$/ }).first().click();
    await page.getByRole('heading', { name: 'Incoming tips' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(dir, 'queue.png'), fullPage: true });
    await page.getByRole('button', { name: /^(NL|Nederlands)$/ }).first().click();
    await page.close();
  });

  it('the operator closes the appeal with its outcome; the public page says how it ended', async () => {
    const page = watch(await operator.newPage());
    await page.goto(appealUrl);
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 15_000 });
    // The figures count the tips, one of them marked useful.
    await expect.poll(async () => page.locator('.ask-stats__figures').innerText(), { timeout: 15_000 }).toMatch(/Tips\s*2\s*Bruikbare tips\s*1/);
    await page.getByRole('button', { name: 'Afsluiten…' }).click();
    await page.getByText('Kies de uitkomst.').waitFor();
    await page.getByLabel('Uitkomst').selectOption('arrested');
    await page.getByLabel('Toelichting (optioneel)').fill('Dankzij uw tips zijn twee verdachten aangehouden.');
    await page.getByRole('button', { name: 'Afsluiten…' }).click();
    await page.getByRole('button', { name: 'Afsluiten en bericht versturen' }).click();
    await page.getByText('De oproep is afgesloten.', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(dir, 'appeal.png'), fullPage: true });
    const appeal = (await (await page.request.get(`${base}/api/appeals/${appealUrl.split('/').pop()!}`)).json()) as { status: string; outcome: string; outcomeText: string; closeMessageId: string | null };
    expect(appeal).toMatchObject({ status: 'closed', outcome: 'arrested', outcomeText: 'Dankzij uw tips zijn twee verdachten aangehouden.', closeMessageId: expect.any(String) });

    // Another resident (a fresh browser: the earlier one chose English) opens the appeal's link.
    const resident = await browser.newContext();
    const publicPage = watch(await resident.newPage());
    await publicPage.goto(`${base}/citizen/oproep/${appealUrl.split('/').pop()!}`);
    await publicPage.getByRole('heading', { name: 'Deze oproep is afgesloten' }).waitFor({ timeout: 15_000 });
    await publicPage.getByText('Er is een verdachte aangehouden.').waitFor();
    expect(await publicPage.getByRole('link', { name: 'Tip geven' }).count()).toBe(0);
    expect(await axe(publicPage)).toEqual([]);
    expect(pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    await resident.close();
    await page.close();
  });

  it('the appeal, and then its closing message, reach every resident in the area and no one else', async () => {
    const received = (id: string) => push.received.filter((p) => p.subscriptionId === id).map((p) => p.payload);
    await waitFor(() => recipients.inside.every((id) => received(id).some((payload) => payload.includes('Er is een verdachte aangehouden'))), `the closing message to reach every recipient; pushes: ${JSON.stringify(push.received.map((p) => [p.subscriptionId, p.payload.slice(0, 80)]))}`, 30_000);
    for (const id of recipients.inside) expect(received(id).some((payload) => payload.includes(TITLE))).toBe(true);
    expect(recipients.outside.flatMap(received)).toEqual([]);
    expect(push.refused).toEqual([]);
  });
});

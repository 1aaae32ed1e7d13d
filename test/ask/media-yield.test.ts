import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyPhoto } from '#ask/intake/verify.ts';
import { MediaFiles } from '#ask/media/media-files.ts';
import { MediaProcessor } from '#ask/media/media-processor.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { seedOrganisation } from '#test/support/context.ts';
import { createAskContext, makePhoto, type AskTestContext } from './support.ts';

/** Counts how many originals are being read (and so processed) at the same time. */
class CountingFiles extends MediaFiles {
  active = 0;
  most = 0;

  override async read(relative: string): Promise<Buffer> {
    this.active += 1;
    this.most = Math.max(this.most, this.active);
    try {
      await new Promise((r) => setTimeout(r, 30));
      return await super.read(relative);
    } finally {
      this.active -= 1;
    }
  }
}

let t: AskTestContext;
beforeAll(async () => {
  t = await createAskContext('sqlite');
});
afterAll(async () => t.close());

async function photoTips(n: number): Promise<BusEvent<'media.received'>[]> {
  const { organisationId } = await seedOrganisation(t.ctx, ['operator']);
  const files = new MediaFiles(t.mediaDir);
  await files.prepare();
  const events: BusEvent<'media.received'>[] = [];
  for (let i = 0; i < n; i++) {
    const incoming = await files.receive(Readable.from([await makePhoto(320, 240)]));
    const receipt = await t.ctx.ask.intake.submit({ organisationId, text: `foto ${i}`, anonymous: true }, [await verifyPhoto(incoming, 'image/jpeg', 1)]);
    events.push({ id: `e${i}`, type: 'media.received', organisationId, occurredAt: new Date().toISOString(), payload: { mediaIds: receipt.photoIds, ownerType: 'tip', ownerId: receipt.tipId } });
  }
  return events;
}

it('processes one photo at a time while the intake of its process takes uploads, and in parallel when it is quiet', async () => {
  const { database, bus, clock, log } = { database: t.tdb.database, bus: t.ctx.bus, clock: t.ctx.clock, log: t.ctx.log };
  let busy = true;
  const underIntake = new CountingFiles(t.mediaDir);
  await new MediaProcessor({ database, bus, clock, log, files: underIntake, intakeBusy: () => busy }).handle(await photoTips(4));
  expect(underIntake.most).toBe(1);

  busy = false;
  const quiet = new CountingFiles(t.mediaDir);
  await new MediaProcessor({ database, bus, clock, log, files: quiet, intakeBusy: () => busy }).handle(await photoTips(4));
  expect(quiet.most).toBe(4);
  const processed = await database.db.selectFrom('media').select('status').execute();
  expect(processed.every((m) => m.status === 'processed')).toBe(true);
});

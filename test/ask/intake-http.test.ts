import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { seedOrganisation, type Seeded } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';
import { createAskContext, makePhoto, multipart, recompress, type AskTestContext } from './support.ts';

describeEachStore('tip intake over HTTP', (store) => {
  let t: AskTestContext;
  let app: HttpApp;
  let org: Seeded;
  let cookie: string;

  beforeAll(async () => {
    t = await createAskContext(store);
    t.ctx.ask.register();
    await t.ctx.bus.start();
    app = await buildApp(t.ctx);
    org = await seedOrganisation(t.ctx, ['operator']);
    cookie = await login(app, org.email, org.password);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const tipRow = (id: string) => t.tdb.database.db.selectFrom('tips').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('text tips', () => {
    it('accepts an anonymous tip with 202 and stores no address, device data or account', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/public/tips',
        remoteAddress: '203.0.113.77',
        headers: { 'user-agent': 'TipsterPhone/1.0 (iPhone; secret-model)', 'x-forwarded-for': '198.51.100.23' },
        payload: { organisationId: org.organisationId, text: 'Ik zie een man met een mes bij de ingang van het station', location: { lat: 52.0894, lon: 5.1101, accuracyM: 12 } },
      });
      expect(response.statusCode).toBe(202);
      const { tipId } = response.json<{ tipId: string }>();
      const row = await tipRow(tipId);
      expect(row.anonymous).toBe(1);
      expect(row.contact).toBeNull();
      const stored = JSON.stringify(row);
      for (const secret of ['203.0.113.77', '198.51.100.23', 'TipsterPhone', 'secret-model']) expect(stored).not.toContain(secret);
      const events = await t.tdb.database.db.selectFrom('outbox').select('payload').where('type', '=', 'tip.received').execute();
      expect(events.map((e) => e.payload).join('')).not.toContain('mes bij de ingang');
      // The request log of the public route has method and path, never the client's address.
      await waitFor(() => t.logs().includes('/api/public/tips'), 'the request log line');
      expect(t.logs()).not.toContain('203.0.113.77');
      expect(t.logs()).not.toContain('198.51.100.23');
      expect(t.logs()).not.toContain('TipsterPhone');
    });

    it('classifies the tip into the triage queue, highest priority first', async () => {
      const low = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: org.organisationId, text: 'De lantaarnpaal in mijn straat brandt al een week niet' } });
      const high = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: org.organisationId, text: 'Brand! Rookontwikkeling uit een woning aan de Oudegracht, mensen binnen' } });
      const ids = [low.json<{ tipId: string }>().tipId, high.json<{ tipId: string }>().tipId];
      await waitFor(async () => (await Promise.all(ids.map(tipRow))).every((r) => r.triaged_at !== null), 'triage of both tips');
      const queue = await app.inject({ method: 'GET', url: '/api/tips?status=new&limit=200', headers: { cookie } });
      expect(queue.statusCode).toBe(200);
      const items = queue.json<{ items: { id: string; priority: string; priorityScore: number; category: string | null }[] }>().items;
      const scores = items.map((i) => i.priorityScore);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const fire = items.find((i) => i.id === ids[1])!;
      const lamp = items.find((i) => i.id === ids[0])!;
      expect(fire.category).toBe('fire');
      expect(fire.priorityScore).toBeGreaterThan(lamp.priorityScore);
    });

    it('keeps contact details only when the tipster gives up anonymity', async () => {
      const refused = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: org.organisationId, text: 'x', contact: { phone: '0612345678' } } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ code: string }>().code).toBe('CONTACT_WHEN_ANONYMOUS');
      const named = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: org.organisationId, text: 'Bel me gerust', anonymous: false, contact: { phone: '0612345678' } } });
      expect(named.statusCode).toBe(202);
      const row = await tipRow(named.json<{ tipId: string }>().tipId);
      expect(JSON.parse(row.contact!)).toEqual({ phone: '0612345678' });
    });

    it('refuses an unknown organisation, an empty tip and unknown fields with problem+json', async () => {
      const unknown = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: '00000000-0000-7000-8000-000000000000', text: 'hallo' } });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      const empty = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: org.organisationId, text: '   ' } });
      expect(empty.json<{ code: string }>().code).toBe('TIP_EMPTY');
      const extra = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: org.organisationId, text: 'x', deviceId: 'abc' } });
      expect(extra.statusCode).toBe(400);
    });

    it('lets an operator triage: status, links, audit', async () => {
      const created = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { organisationId: org.organisationId, text: 'Verdachte auto met draaiende motor' } });
      const id = created.json<{ tipId: string }>().tipId;
      const patched = await app.inject({ method: 'PATCH', url: `/api/tips/${id}`, headers: { cookie }, payload: { status: 'useful', incidentId: 'incident-42' } });
      expect(patched.statusCode).toBe(200);
      expect(patched.json<{ status: string; incidentId: string }>()).toMatchObject({ status: 'useful', incidentId: 'incident-42' });
      const back = await app.inject({ method: 'PATCH', url: `/api/tips/${id}`, headers: { cookie }, payload: { status: 'new' } });
      expect(back.statusCode).toBe(400);
      const audit = await t.ctx.audit.list(org.organisationId, 50);
      expect(audit.some((a) => a.action === 'tip.update' && a.subject_id === id)).toBe(true);
      const anonymous = await app.inject({ method: 'GET', url: '/api/tips' });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe('photos', () => {
    it('accepts photos, keeps the original byte-exact with its SHA-256, groups near duplicates and strips metadata from copies', async () => {
      const photo = await makePhoto(1200, 900, { exif: { IFD0: { Make: 'SecretPhoneMaker', Model: 'X1' }, IFD2: { DateTimeOriginal: '2026:07:04 21:14:05' } } });
      const again = await recompress(photo);
      const other = await makePhoto(1200, 900);
      const body = await multipart({ tip: JSON.stringify({ organisationId: org.organisationId, text: 'Foto van de overvaller' }) }, [{ bytes: photo }, { bytes: again, type: 'application/octet-stream', name: 'x.bin' }, { bytes: other }]);
      const response = await app.inject({ method: 'POST', url: '/api/public/tips/upload', ...body, remoteAddress: '203.0.113.99' });
      expect(response.statusCode, response.body).toBe(202);
      const { tipId, photoIds } = response.json<{ tipId: string; photoIds: string[] }>();
      expect(photoIds).toHaveLength(3);
      await waitFor(async () => {
        const r = await app.inject({ method: 'GET', url: `/api/tips/${tipId}`, headers: { cookie } });
        return r.json<{ photos: { status: string }[] }>().photos.every((p) => p.status === 'processed');
      }, 'processing of the three photos', 30_000);
      const tip = (await app.inject({ method: 'GET', url: `/api/tips/${tipId}`, headers: { cookie } })).json<{
        photos: { id: string; sha256: string; groupId: string; groupSize: number; contentType: string; exif: { takenAt: string | null }; phash: string }[];
      }>();
      const [a, b, c] = photoIds.map((id) => tip.photos.find((p) => p.id === id)!);
      expect(a!.groupId).toBe(b!.groupId);
      expect(c!.groupId).not.toBe(a!.groupId);
      expect(a!.groupSize).toBe(2);
      expect(b!.contentType).toBe('image/jpeg'); // sniffed, whatever was declared
      expect(a!.exif.takenAt).not.toBeNull();

      const original = await app.inject({ method: 'GET', url: `/api/media/${a!.id}/original?download=true&purpose=proces-verbaal`, headers: { cookie } });
      expect(original.statusCode).toBe(200);
      expect(original.rawPayload.equals(photo)).toBe(true);
      expect(original.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(a!.sha256, 'hex').toString('base64')}:`);
      const audit = await t.ctx.audit.list(org.organisationId, 50);
      const entry = audit.find((e) => e.action === 'media.original.export' && e.subject_id === a!.id);
      expect(entry).toBeDefined();
      expect(JSON.parse(entry!.data)).toMatchObject({ sha256: a!.sha256, purpose: 'proces-verbaal' });

      const display = await app.inject({ method: 'GET', url: `/api/media/${a!.id}/display`, headers: { cookie } });
      expect(display.statusCode).toBe(200);
      expect(display.rawPayload.includes(Buffer.from('SecretPhoneMaker'))).toBe(false);
      expect(display.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
      expect(photo.includes(Buffer.from('SecretPhoneMaker'))).toBe(true);
      const rows = await t.tdb.database.db.selectFrom('media').selectAll().where('owner_id', '=', tipId).execute();
      expect(JSON.stringify(rows)).not.toContain('SecretPhoneMaker');
      expect(readdirSync(join(t.mediaDir, 'incoming')).flatMap((d) => readdirSync(join(t.mediaDir, 'incoming', d)))).toEqual([]);
    });

    it('refuses files that are not images, whatever their declared type', async () => {
      const body = await multipart({ tip: JSON.stringify({ organisationId: org.organisationId, text: 'zie bijlage' }) }, [{ bytes: Buffer.from('%PDF-1.7 not a photo'), type: 'image/jpeg' }]);
      const response = await app.inject({ method: 'POST', url: '/api/public/tips/upload', ...body });
      expect(response.statusCode).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json<{ type: string; code: string }>()).toMatchObject({ type: 'urn:waakzaam:problem:unsupported-media-type', code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('refuses a decompression bomb by its declared size, before decoding it', async () => {
      const { bombPng } = await import('./fixtures.ts');
      const body = await multipart({ tip: JSON.stringify({ organisationId: org.organisationId }) }, [{ bytes: bombPng(50_000, 50_000), type: 'image/png', name: 'bomb.png' }]);
      const response = await app.inject({ method: 'POST', url: '/api/public/tips/upload', ...body });
      expect(response.statusCode).toBe(422);
      expect(response.json<{ code: string; detail: string }>()).toMatchObject({ code: 'IMAGE_DIMENSIONS_TOO_LARGE' });
      expect(response.json<{ detail: string }>().detail).toContain('50000 × 50000');
    });

    it('refuses a truncated JPEG', async () => {
      const photo = await makePhoto(800, 600);
      const body = await multipart({ tip: JSON.stringify({ organisationId: org.organisationId }) }, [{ bytes: photo.subarray(0, Math.floor(photo.length * 0.6)) }]);
      const response = await app.inject({ method: 'POST', url: '/api/public/tips/upload', ...body });
      expect(response.statusCode).toBe(422);
      expect(response.json<{ code: string }>().code).toBe('IMAGE_TRUNCATED');
    });

    it('refuses oversized files, too many files and a non-multipart body', async () => {
      const big = Buffer.concat([await makePhoto(64, 64), Buffer.alloc(16 * 1024 * 1024)]);
      const oversized = await app.inject({ method: 'POST', url: '/api/public/tips/upload', ...(await multipart({ tip: JSON.stringify({ organisationId: org.organisationId }) }, [{ bytes: big }])) });
      expect(oversized.statusCode).toBe(413);
      expect(oversized.json<{ code: string }>().code).toBe('FILE_TOO_LARGE');
      const small = await makePhoto(64, 64);
      const many = await app.inject({ method: 'POST', url: '/api/public/tips/upload', ...(await multipart({ tip: JSON.stringify({ organisationId: org.organisationId }) }, Array.from({ length: 6 }, () => ({ bytes: small })))) });
      expect(many.statusCode).toBe(413);
      expect(many.json<{ code: string }>().code).toBe('TOO_MANY_FILES');
      const form = await multipart({ tip: JSON.stringify({ organisationId: org.organisationId }) }, [{ bytes: small }]);
      const cut = await app.inject({ method: 'POST', url: '/api/public/tips/upload', headers: form.headers, payload: form.payload.subarray(0, form.payload.length - 300) });
      expect(cut.statusCode).toBe(400);
      expect(cut.json<{ code: string }>().code).toBe('MALFORMED_UPLOAD');
      const json = await app.inject({ method: 'POST', url: '/api/public/tips/upload', payload: { organisationId: org.organisationId } });
      expect(json.statusCode).toBe(415);
      expect(json.headers['content-type']).toContain('application/problem+json');
      const count = await t.tdb.database.db.selectFrom('tips').select((eb) => eb.fn.countAll<number>().as('n')).where('photo_count', '>', 0).executeTakeFirst();
      expect(Number(count?.n)).toBe(1); // only the accepted upload of the first test
    });
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadVapidKeys } from '#send/channels/vapid-keys.ts';
import { createTestDatabase, describeEachStore, type TestDatabase } from '#test/support/stores.ts';

describeEachStore('loadVapidKeys', (store) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(store);
  });
  afterEach(() => db.drop());

  it('generates a pair once and returns the same pair after a restart', async () => {
    const none = { publicKey: undefined, privateKey: undefined, subject: undefined };
    const first = await loadVapidKeys(db.database, none);
    const again = await loadVapidKeys(db.database, none, 'mailto:beheer@example.nl');
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(again).toEqual({ ...first, subject: 'mailto:beheer@example.nl' });
    expect(first.subject).toBe('mailto:noreply@localhost');
  });

  it('prefers configured keys and refuses half a pair', async () => {
    const configured = { publicKey: 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8', privateKey: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw', subject: 'https://utrecht.example' };
    expect(await loadVapidKeys(db.database, configured)).toEqual(configured);
    await expect(loadVapidKeys(db.database, { ...configured, privateKey: undefined })).rejects.toThrow(/both/);
  });
});

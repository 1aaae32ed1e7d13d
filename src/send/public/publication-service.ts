import { notFound } from '#core/errors.ts';
import type { Database } from '#platform/db/database.ts';
import { buildCapAtomIndex } from '../cap/atom-index.ts';
import { buildCapAlert } from '../cap/build-alert.ts';
import { buildPublicFeeds, type PublicFeeds } from '../feeds/build-feeds.ts';
import type { Message } from '../messages/message.ts';
import { listMessages } from '../messages/message-store.ts';
import { toOutgoing, type OutgoingContext } from '../messages/outgoing.ts';
import type { CapStore } from './cap-store.ts';
import { readPublicMessage, type PublicMessage } from './public-message.ts';
import { capSender, publicSendUrls } from './public-urls.ts';

/** Newest items in an index or feed: enough for pollers, bounded for the server. */
const FEED_SIZE = 50;

export interface PublicationServiceOptions {
  database: Database;
  capStore: CapStore;
  publicUrl: string;
  organisationName(id: string): Promise<string | null>;
  outgoingContext(message: Message): Promise<OutgoingContext>;
  /** The VAPID public key citizens subscribe with, or null when Web Push is not set up. */
  vapidPublicKey: string | null;
}

/**
 * What anyone may read of an organisation's published messages (SPEC S1): its CAP alerts (one
 * document each, valid CAP 1.2, every language as an `info`), the CAP Atom index, and RSS, Atom
 * and JSON feeds. Built on request from what the channels published; nothing here is personal.
 */
export class PublicationService {
  constructor(private readonly options: PublicationServiceOptions) {}

  get vapidPublicKey(): string | null {
    return this.options.vapidPublicKey;
  }

  async capDocument(organisationId: string, identifier: string): Promise<string> {
    const versions = await this.options.capStore.versions(organisationId, identifier);
    if (versions.length === 0) throw notFound('CAP_ALERT_NOT_FOUND', 'no published CAP alert with this identifier');
    return buildCapAlert(versions, { sender: capSender(this.options.publicUrl) });
  }

  /** One message as the citizen app's message page shows it (every channel links there). */
  async message(id: string): Promise<PublicMessage> {
    return readPublicMessage(this.options.database.db, id, (organisationId) => this.options.organisationName(organisationId));
  }

  async capIndex(organisationId: string): Promise<string> {
    const name = await this.organisation(organisationId);
    const urls = publicSendUrls(this.options.publicUrl, organisationId);
    const latest = await this.options.capStore.latest(organisationId, FEED_SIZE);
    return buildCapAtomIndex(
      latest.map(({ identifier, message }) => ({ message, capUrl: urls.capDocument(identifier) })),
      { feedUrl: urls.capIndex, title: `${name}: CAP-meldingen`, author: name },
    );
  }

  async feeds(organisationId: string): Promise<PublicFeeds> {
    const name = await this.organisation(organisationId);
    const urls = publicSendUrls(this.options.publicUrl, organisationId);
    const published = await listMessages(this.options.database.db, { organisationId, statuses: ['published', 'updated', 'cancelled'], limit: FEED_SIZE });
    const outgoing = await Promise.all(published.map(async (m) => toOutgoing(m, 'nl', await this.options.outgoingContext(m))));
    return buildPublicFeeds(outgoing, {
      homeUrl: urls.home,
      feedUrls: urls.feeds,
      title: `${name}: berichten`,
      description: `Openbare berichten van ${name}`,
      author: name,
      language: 'nl',
    });
  }

  private async organisation(organisationId: string): Promise<string> {
    const name = await this.options.organisationName(organisationId);
    if (name === null) throw notFound('ORGANISATION_NOT_FOUND', 'no such organisation');
    return name;
  }
}

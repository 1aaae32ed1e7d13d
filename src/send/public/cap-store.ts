import type { Database } from '#platform/db/database.ts';
import type { OutgoingMessage } from '../channels/channel.ts';

/** One language version of a published CAP alert (migration 0010). */
export interface SendCapVersionTable {
  identifier: string;
  language: string;
  organisation_id: string;
  message_id: string;
  sent_at: string;
  /** The OutgoingMessage as JSON: the CAP document is rebuilt from it on request. */
  outgoing: string;
}

declare module '#platform/db/schema.ts' {
  interface Schema {
    send_cap_versions: SendCapVersionTable;
  }
}

/**
 * Where the CAP channel keeps what it published and the public routes read it. A message goes out
 * once per language version (one delivery each); the public document has one `info` per language,
 * so the versions are stored apart and joined when the document is served. Storing the same
 * version again (a retried delivery) overwrites it with identical content: idempotent.
 */
export class CapStore {
  constructor(private readonly options: { database: Database }) {}

  async publish(message: OutgoingMessage, identifier: string): Promise<void> {
    const row = {
      identifier,
      language: message.language,
      organisation_id: message.organisationId,
      message_id: message.id,
      sent_at: message.sentAt,
      outgoing: JSON.stringify(message),
    };
    await this.options.database.db
      .insertInto('send_cap_versions')
      .values(row)
      .onConflict((oc) => oc.columns(['identifier', 'language']).doUpdateSet({ outgoing: row.outgoing, sent_at: row.sent_at }))
      .execute();
  }

  /** The language versions of one alert of the organisation, Dutch first; empty when unknown. */
  async versions(organisationId: string, identifier: string): Promise<OutgoingMessage[]> {
    const rows = await this.options.database.db
      .selectFrom('send_cap_versions')
      .select(['language', 'outgoing'])
      .where('organisation_id', '=', organisationId)
      .where('identifier', '=', identifier)
      .execute();
    return rows.sort((a, b) => (a.language === 'nl' ? -1 : b.language === 'nl' ? 1 : a.language.localeCompare(b.language))).map((r) => JSON.parse(r.outgoing) as OutgoingMessage);
  }

  /** The organisation's newest alerts (one version each, Dutch when there is one), newest first. */
  async latest(organisationId: string, limit: number): Promise<{ identifier: string; message: OutgoingMessage }[]> {
    const rows = await this.options.database.db
      .selectFrom('send_cap_versions')
      .select(['identifier', 'language', 'outgoing', 'sent_at'])
      .where('organisation_id', '=', organisationId)
      .orderBy('sent_at', 'desc')
      .limit(limit * 2)
      .execute();
    const byIdentifier = new Map<string, { identifier: string; language: string; outgoing: string }>();
    for (const row of rows) {
      const seen = byIdentifier.get(row.identifier);
      if (!seen || (seen.language !== 'nl' && row.language === 'nl')) byIdentifier.set(row.identifier, row);
    }
    return [...byIdentifier.values()].slice(0, limit).map((r) => ({ identifier: r.identifier, message: JSON.parse(r.outgoing) as OutgoingMessage }));
  }
}

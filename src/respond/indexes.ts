import type { Database } from '#platform/db/database.ts';
import { AedIndex } from './aed-index.ts';
import { aedInfoOf, allVolunteers, findAed, findVolunteer, listAeds, positionsOf } from './registry-store.ts';
import { VolunteerIndex } from './spatial-index.ts';

interface OrgIndexes {
  volunteers: VolunteerIndex;
  aeds: AedIndex;
}

/**
 * The in-memory indexes of each organisation, built from the store on first use and kept current
 * by the registry service after each commit (and, for changes made by other processes, by the
 * `respond.registry.changed` events). Rebuilding is always safe: the store is the truth.
 */
export class RespondIndexes {
  private readonly loaded = new Map<string, Promise<OrgIndexes>>();

  constructor(private readonly database: Database) {}

  async forOrganisation(organisationId: string): Promise<OrgIndexes> {
    let entry = this.loaded.get(organisationId);
    if (!entry) {
      entry = this.load(organisationId);
      this.loaded.set(organisationId, entry);
      entry.catch(() => this.loaded.delete(organisationId));
    }
    return entry;
  }

  /** Re-reads one volunteer from the store (created, changed or deleted). */
  async refreshVolunteer(organisationId: string, id: string): Promise<void> {
    if (!this.loaded.has(organisationId)) return; // built fresh on first use
    const indexes = await this.forOrganisation(organisationId);
    const record = await findVolunteer(this.database.db, id);
    if (record && record.organisationId === organisationId) indexes.volunteers.upsert(positionsOf(record));
    else indexes.volunteers.remove(id);
  }

  async refreshAed(organisationId: string, id: string): Promise<void> {
    if (!this.loaded.has(organisationId)) return;
    const indexes = await this.forOrganisation(organisationId);
    const record = await findAed(this.database.db, id);
    if (record && record.organisationId === organisationId) indexes.aeds.upsert(aedInfoOf(record));
    else indexes.aeds.remove(id);
  }

  private async load(organisationId: string): Promise<OrgIndexes> {
    const volunteers = new VolunteerIndex();
    for await (const page of allVolunteers(this.database.db, organisationId)) for (const v of page) volunteers.upsert(positionsOf(v));
    volunteers.rebuild();
    const aeds = new AedIndex();
    let after: string | undefined;
    for (;;) {
      const page = await listAeds(this.database.db, organisationId, 5000, after);
      if (page.length === 0) break;
      for (const a of page) aeds.upsert(aedInfoOf(a));
      after = page[page.length - 1]!.id;
    }
    return { volunteers, aeds };
  }
}

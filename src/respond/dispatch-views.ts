import type { Database } from '#platform/db/database.ts';
import { respondersOf, timelineOf, type DispatchRecord, type ResponderRecord, type TimelineEntry } from './dispatch-store.ts';

/** A dispatch as the control room's board shows it, with the evaluation figures (SPEC R3, E1). */
export interface DispatchView extends Omit<DispatchRecord, 'organisationId'> {
  responders: (ResponderRecord & { name: string })[];
  counts: Record<'alerted' | 'accepted' | 'declined' | 'on_way' | 'arrived' | 'timed_out' | 'stood_down', number>;
  /** Seconds from the start; null until it happened. */
  figures: { timeToFirstAcceptS: number | null; timeToFirstArrivalS: number | null; timeToAedOnSceneS: number | null };
}

const seconds = (from: string, to: string | null) => (to === null ? null : Math.round((Date.parse(to) - Date.parse(from)) / 100) / 10);

export async function presentDispatch(database: Database, dispatch: DispatchRecord): Promise<DispatchView> {
  const responders = await respondersOf(database.db, dispatch.id);
  const ids = responders.map((r) => r.volunteerId);
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await database.db.selectFrom('respond_volunteers').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  const counts = { alerted: 0, accepted: 0, declined: 0, on_way: 0, arrived: 0, timed_out: 0, stood_down: 0 };
  for (const r of responders) counts[r.state] += 1;
  const { organisationId: _o, ...rest } = dispatch;
  return {
    ...rest,
    responders: responders.map((r) => ({ ...r, name: names.get(r.volunteerId) ?? '(verwijderd)' })),
    counts,
    figures: {
      timeToFirstAcceptS: seconds(dispatch.startedAt, dispatch.firstAcceptAt),
      timeToFirstArrivalS: seconds(dispatch.startedAt, dispatch.firstArrivalAt),
      timeToAedOnSceneS: seconds(dispatch.startedAt, dispatch.aedOnSceneAt),
    },
  };
}

export async function dispatchTimeline(database: Database, dispatchId: string): Promise<TimelineEntry[]> {
  return timelineOf(database.db, dispatchId);
}

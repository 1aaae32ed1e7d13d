import type { Generated } from 'kysely';

/**
 * The respond module's tables (migration 0006), added to the store's typed schema by augmentation
 * so that the shared schema file stays untouched. Times are ISO strings, JSON is text, booleans 0/1.
 */
export interface RespondVolunteerTable {
  id: string;
  organisation_id: string;
  /** The organisation's own key (CSV imports update by it). */
  external_ref: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: 'nl' | 'en';
  qualification: string;
  /** Last valid day, YYYY-MM-DD. */
  qualified_until: string | null;
  snoozed_until: string | null;
  live_lat: number | null;
  live_lon: number | null;
  live_at: string | null;
  /** SHA-256 of the responder app's secret token. */
  token_hash: string;
  /** JSON Web Push subscription of the responder app. */
  push_subscription: string | null;
  created_at: string;
  updated_at: string;
}

export interface RespondVolunteerAddressTable {
  id: string;
  volunteer_id: string;
  position: number;
  label: string;
  lat: number;
  lon: number;
  /** JSON WeeklyWindow[]; null = always. */
  windows: string | null;
}

export interface RespondAedTable {
  id: string;
  organisation_id: string;
  external_ref: string | null;
  name: string;
  /** Where it hangs, as a responder reads it ("Stationsplein 1, hal bij de kiosk"). */
  location: string;
  lat: number;
  lon: number;
  /** Shown only to a responder who accepted a dispatch with this AED. */
  access_notes: string | null;
  /** Shown only to such a responder, and each reveal audited. */
  cabinet_code: string | null;
  /** JSON WeeklyWindow[]; null = 24/7. */
  availability: string | null;
  pads_expire: string | null;
  battery_expires: string | null;
  active: number;
  owner_name: string | null;
  owner_email: string | null;
  owner_phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface RespondDispatchTable {
  id: string;
  organisation_id: string;
  status: 'active' | 'closed';
  close_reason: string | null;
  lat: number;
  lon: number;
  address: string;
  geocoded_by: string;
  note: string | null;
  /** JSON DispatchParams the dispatch runs with. */
  params: string;
  /** JSON ChosenAed[] of the first wave. */
  aeds: string;
  /** The last wave sent; waves advance by compare-and-set on it. */
  wave: number;
  started_by: string;
  started_at: string;
  first_accept_at: string | null;
  first_arrival_at: string | null;
  aed_on_scene_at: string | null;
  closed_at: string | null;
}

export interface RespondResponderTable {
  dispatch_id: string;
  volunteer_id: string;
  organisation_id: string;
  wave: number;
  role: 'direct' | 'via_aed';
  aed_id: string | null;
  source: 'live' | 'address';
  distance_m: number;
  route_m: number;
  eta_s: number;
  state: ResponderState;
  alerted_at: string;
  accepted_at: string | null;
  declined_at: string | null;
  on_way_at: string | null;
  arrived_at: string | null;
  timed_out_at: string | null;
  stood_down_at: string | null;
  updated_at: string;
}

export type ResponderState = 'alerted' | 'accepted' | 'declined' | 'on_way' | 'arrived' | 'timed_out' | 'stood_down';

export interface RespondTimelineTable {
  seq: Generated<number>;
  dispatch_id: string;
  at: string;
  kind: string;
  volunteer_id: string | null;
  /** JSON object. */
  data: string;
}

declare module '#platform/db/schema.ts' {
  interface Schema {
    respond_volunteers: RespondVolunteerTable;
    respond_volunteer_addresses: RespondVolunteerAddressTable;
    respond_aeds: RespondAedTable;
    respond_dispatches: RespondDispatchTable;
    respond_responders: RespondResponderTable;
    respond_timeline: RespondTimelineTable;
  }
}

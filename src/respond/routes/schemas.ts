import { z } from 'zod';
import { dispatchParamsSchema } from '../params.ts';
import { latitude, longitude } from '../registry-schemas.ts';
import { weeklyWindowsSchema } from '../weekly.ts';

const state = z.enum(['alerted', 'accepted', 'declined', 'on_way', 'arrived', 'timed_out', 'stood_down']);
const role = z.enum(['direct', 'via_aed']);

export const idParams = z.object({ id: z.string().max(64) });
export const dispatchIdParams = z.object({ dispatchId: z.string().max(64) });

export const locationSchema = z.union([
  z.object({ lat: latitude, lon: longitude }).strict(),
  z.object({ postcode: z.string().max(10), houseNumber: z.union([z.string().max(12), z.number().int()]) }).strict(),
]);

export const chosenAedSchema = z.object({ id: z.string(), name: z.string(), location: z.string(), point: z.object({ lon: z.number(), lat: z.number() }), distanceM: z.number() });

export const responderSchema = z.object({
  volunteerId: z.string(),
  name: z.string(),
  wave: z.number(),
  role,
  aedId: z.string().nullable(),
  source: z.enum(['live', 'address']),
  distanceM: z.number(),
  routeM: z.number(),
  etaS: z.number(),
  state,
  alertedAt: z.string(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  onWayAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  timedOutAt: z.string().nullable(),
  stoodDownAt: z.string().nullable(),
});

export const dispatchSchema = z.object({
  id: z.string(),
  status: z.enum(['active', 'closed']),
  closeReason: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  address: z.string(),
  geocodedBy: z.string().describe('coordinates, pdok, or table:address|postcode|pc4'),
  note: z.string().nullable(),
  params: dispatchParamsSchema.required(),
  aeds: z.array(chosenAedSchema),
  wave: z.number(),
  startedBy: z.string(),
  startedAt: z.string(),
  firstAcceptAt: z.string().nullable(),
  firstArrivalAt: z.string().nullable(),
  aedOnSceneAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  responders: z.array(responderSchema),
  counts: z.record(state, z.number()),
  figures: z.object({ timeToFirstAcceptS: z.number().nullable(), timeToFirstArrivalS: z.number().nullable(), timeToAedOnSceneS: z.number().nullable() }),
});

export const volunteerSchema = z.object({
  id: z.string(),
  externalRef: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.enum(['nl', 'en']),
  qualification: z.string(),
  qualifiedUntil: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  live: z.object({ lat: z.number(), lon: z.number(), at: z.string() }).nullable(),
  addresses: z.array(z.object({ label: z.string(), lat: z.number(), lon: z.number(), windows: weeklyWindowsSchema })),
  hasPushSubscription: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const aedSchema = z.object({
  id: z.string(),
  externalRef: z.string().nullable(),
  name: z.string(),
  location: z.string(),
  lat: z.number(),
  lon: z.number(),
  availability: weeklyWindowsSchema,
  padsExpire: z.string().nullable(),
  batteryExpires: z.string().nullable(),
  active: z.boolean(),
  ownerName: z.string().nullable(),
  ownerEmail: z.string().nullable(),
  ownerPhone: z.string().nullable(),
  hasAccessNotes: z.boolean(),
  hasCabinetCode: z.boolean(),
  unusableNow: z.enum(['inactive', 'pads_expired', 'battery_expired', 'closed']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const alertSchema = z.object({
  dispatchId: z.string(),
  status: z.enum(['active', 'closed']),
  state,
  role,
  message: z.string(),
  victim: z.object({ lat: z.number(), lon: z.number(), address: z.string() }),
  distanceM: z.number(),
  etaS: z.number(),
  alertedAt: z.string(),
  aed: z
    .object({ id: z.string(), name: z.string(), location: z.string(), lat: z.number(), lon: z.number(), accessNotes: z.string().nullable(), hasCabinetCode: z.boolean() })
    .nullable(),
  cprSteps: z.array(z.string()).nullable(),
});

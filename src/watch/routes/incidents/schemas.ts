import { z } from 'zod';
import { PRIORITIES } from '#core/taxonomy.ts';
import { INCIDENT_STATUSES } from '../../incidents/cluster.ts';

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const incidentSummarySchema = z.object({
  id: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  category: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  placeName: z.string().nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  postCount: z.number().int(),
  locatedCount: z.number().int(),
  centre: z.object({ lat: z.number(), lon: z.number() }).nullable().describe('Centroid of the located member posts'),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().describe('[west, south, east, north] of the located member posts'),
  terms: z.array(z.string()).describe('The words (stems) the member posts use most'),
  mergedInto: z.string().nullable(),
  verdict: z.object({ answer: z.string(), note: z.string().nullable() }).nullable().describe('Answer of a verification task about the incident'),
  signalIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const incidentListItemSchema = incidentSummarySchema.extend({ sparkline: z.array(z.number().int()).describe('Member posts per minute over the incident’s last hour') });

export const incidentDetailSchema = incidentSummarySchema.extend({
  timeline: z.array(z.object({ minute: z.string(), count: z.number().int() })),
  members: z.array(
    z.object({
      postId: z.string(),
      createdAt: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      category: z.string().nullable(),
      priority: z.enum(PRIORITIES),
      text: z.string(),
      placeName: z.string().nullable(),
    }),
  ),
});

export const taskSchema = z.object({
  id: z.string(),
  subjectType: z.enum(['rumour', 'incident']),
  subjectId: z.string(),
  question: z.string(),
  assigneeId: z.string(),
  status: z.enum(['open', 'answered']),
  answer: z.enum(['confirmed', 'denied', 'unverifiable']).nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const verificationRequestSchema = z.object({
  assigneeId: z.string().min(1).max(64).describe('A user with role field_officer'),
  question: z.string().trim().min(3).max(1000).describe('What the field officer should check on the spot'),
});

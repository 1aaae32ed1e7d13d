import { z } from 'zod';
import { weeklyWindowsSchema } from './weekly.ts';

/** Input shapes of the registries, shared by the HTTP routes and the CSV import. */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date');

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);

export const addressInputSchema = z.union([
  z.object({ label: z.string().max(200).optional(), lat: latitude, lon: longitude, windows: weeklyWindowsSchema.default(null) }).strict(),
  z.object({ label: z.string().max(200).optional(), postcode: z.string().max(10), houseNumber: z.union([z.string().max(12), z.number().int()]), windows: weeklyWindowsSchema.default(null) }).strict(),
]);
export type AddressInput = z.infer<typeof addressInputSchema>;

const phone = z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number');
const houseNumber = z.union([z.string().max(12), z.number().int()]);

const volunteerFields = {
  externalRef: z.string().min(1).max(100).nullable(),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullable(),
  phone: phone.nullable(),
  language: z.enum(['nl', 'en']),
  qualification: z.string().trim().min(1).max(100),
  qualifiedUntil: isoDate.nullable().describe('Last valid day of the qualification (YYYY-MM-DD)'),
  addresses: z.array(addressInputSchema).max(10),
};

export const volunteerInputSchema = z
  .object({
    ...volunteerFields,
    externalRef: volunteerFields.externalRef.default(null),
    email: volunteerFields.email.default(null),
    phone: volunteerFields.phone.default(null),
    language: volunteerFields.language.default('nl'),
    qualification: volunteerFields.qualification.default('reanimatie+AED'),
    addresses: volunteerFields.addresses.default([]),
  })
  .strict();
export type VolunteerInput = z.input<typeof volunteerInputSchema>;

/** A change: only the fields given are changed (no defaults). */
export const volunteerPatchSchema = z.object(volunteerFields).partial().strict();
export type VolunteerPatch = z.infer<typeof volunteerPatchSchema>;

const aedFields = {
  externalRef: z.string().min(1).max(100).nullable(),
  name: z.string().trim().min(1).max(200),
  location: z.string().trim().min(1).max(300).describe('Where it hangs, as a responder reads it'),
  position: z.union([z.object({ lat: latitude, lon: longitude }).strict(), z.object({ postcode: z.string().max(10), houseNumber }).strict()]),
  accessNotes: z.string().max(1000).nullable().describe('Shown only to a responder who accepted'),
  cabinetCode: z.string().max(50).nullable().describe('Shown only to a responder who accepted; every reveal is audited'),
  availability: weeklyWindowsSchema.describe('Weekly hours when it can be reached; null = 24/7'),
  padsExpire: isoDate.nullable(),
  batteryExpires: isoDate.nullable(),
  active: z.boolean(),
  ownerName: z.string().max(200).nullable(),
  ownerEmail: z.email().max(254).nullable(),
  ownerPhone: phone.nullable(),
};

export const aedInputSchema = z
  .object({
    ...aedFields,
    externalRef: aedFields.externalRef.default(null),
    accessNotes: aedFields.accessNotes.default(null),
    cabinetCode: aedFields.cabinetCode.default(null),
    availability: aedFields.availability.default(null),
    padsExpire: aedFields.padsExpire.default(null),
    batteryExpires: aedFields.batteryExpires.default(null),
    active: aedFields.active.default(true),
    ownerName: aedFields.ownerName.default(null),
    ownerEmail: aedFields.ownerEmail.default(null),
    ownerPhone: aedFields.ownerPhone.default(null),
  })
  .strict();
export type AedInput = z.input<typeof aedInputSchema>;

export const aedPatchSchema = z.object(aedFields).partial().strict();
export type AedPatch = z.infer<typeof aedPatchSchema>;

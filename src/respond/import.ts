import { csvObjects } from './csv.ts';
import { aedInputSchema, volunteerInputSchema, type AedInput, type VolunteerInput } from './registry-schemas.ts';
import { WEEKDAYS, type Weekday, type WeeklyWindow } from './weekly.ts';

/**
 * CSV files of the registries → validated inputs, with a precise error per line. Pure: the CLI
 * reads the file and writes through the registry service.
 *
 * Volunteers: `ref,name,email,phone,language,qualification,qualified_until,label,lat,lon,postcode,house_number,windows`
 * — one row per address; rows with the same `ref` are one volunteer with several addresses.
 * AEDs: `ref,name,location,lat,lon,postcode,house_number,access_notes,cabinet_code,availability,pads_expire,battery_expires,active,owner_name,owner_email,owner_phone`.
 * Windows and availability are written like `ma-vr 08:00-18:00; za,zo 10:00-16:00` (Dutch or
 * English day abbreviations; empty = always).
 */
export interface LineError {
  line: number;
  message: string;
}

const DAY_NAMES: Record<string, Weekday> = {
  ma: 'mon', di: 'tue', wo: 'wed', do: 'thu', vr: 'fri', za: 'sat', zo: 'sun',
  mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun',
};

/** "ma-vr 08:00-18:00; za,zo 10:00-16:00" → windows; null for an empty text; throws with the reason. */
export function parseWindowsText(text: string): WeeklyWindow[] | null {
  if (text.trim() === '' || /^(altijd|always|24\/7)$/i.test(text.trim())) return null;
  return text.split(';').map((part) => {
    const match = /^\s*([a-z,\s-]+?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/i.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not like "ma-vr 08:00-18:00"`);
    const days = new Set<Weekday>();
    for (const item of match[1]!.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean)) {
      const [from, to] = item.split('-').map((d) => d.trim());
      const a = DAY_NAMES[from!];
      const b = to === undefined ? a : DAY_NAMES[to];
      if (!a || !b) throw new Error(`unknown day "${item}" (ma di wo do vr za zo, or mon … sun)`);
      for (let i = WEEKDAYS.indexOf(a); ; i = (i + 1) % 7) {
        days.add(WEEKDAYS[i]!);
        if (WEEKDAYS[i] === b) break;
      }
    }
    const pad = (t: string) => t.padStart(5, '0');
    return { days: WEEKDAYS.filter((d) => days.has(d)), from: pad(match[2]!), to: pad(match[3]!) };
  });
}

const blank = (v: string | undefined) => (v === undefined || v === '' ? null : v);

function position(values: Record<string, string>): { lat: number; lon: number } | { postcode: string; houseNumber: string } | string {
  if (blank(values.lat) !== null || blank(values.lon) !== null) {
    const lat = Number((values.lat ?? '').replace(',', '.'));
    const lon = Number((values.lon ?? '').replace(',', '.'));
    return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : 'lat and lon must both be numbers';
  }
  if (blank(values.postcode) !== null) return { postcode: values.postcode!, houseNumber: values.house_number ?? '' };
  return 'give lat and lon, or postcode and house_number';
}

function issues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(row)'}: ${i.message}`).join('; ');
}

export function parseVolunteerCsv(text: string): { volunteers: { line: number; input: VolunteerInput }[]; errors: LineError[] } {
  const { header, rows } = csvObjects(text);
  const errors: LineError[] = [];
  if (!header.includes('name')) return { volunteers: [], errors: [{ line: 1, message: 'the header needs at least "name" (see docs/respond-api.md for the columns)' }] };
  const byRef = new Map<string, { line: number; input: VolunteerInput & { addresses: NonNullable<VolunteerInput['addresses']> } }>();
  const volunteers: { line: number; input: VolunteerInput & { addresses: NonNullable<VolunteerInput['addresses']> } }[] = [];
  for (const { line, values } of rows) {
    try {
      const where = position(values);
      if (typeof where === 'string') throw new Error(where);
      const address = { ...where, label: blank(values.label) ?? undefined, windows: parseWindowsText(values.windows ?? '') };
      const ref = blank(values.ref);
      const existing = ref ? byRef.get(ref) : undefined;
      if (existing) {
        existing.input.addresses.push(address);
        continue;
      }
      const input = {
        externalRef: ref,
        name: values.name ?? '',
        email: blank(values.email),
        phone: blank(values.phone),
        language: (blank(values.language) ?? 'nl') as 'nl' | 'en',
        qualification: blank(values.qualification) ?? undefined,
        qualifiedUntil: blank(values.qualified_until),
        addresses: [address],
      };
      const entry = { line, input };
      volunteers.push(entry);
      if (ref) byRef.set(ref, entry);
    } catch (error) {
      errors.push({ line, message: (error as Error).message });
    }
  }
  const valid: { line: number; input: VolunteerInput }[] = [];
  for (const v of volunteers) {
    const parsed = volunteerInputSchema.safeParse(v.input);
    if (parsed.success) valid.push(v);
    else errors.push({ line: v.line, message: issues(parsed.error) });
  }
  return { volunteers: valid, errors: errors.sort((a, b) => a.line - b.line) };
}

export function parseAedCsv(text: string): { aeds: { line: number; input: AedInput }[]; errors: LineError[] } {
  const { header, rows } = csvObjects(text);
  if (!header.includes('name') || !header.includes('location')) return { aeds: [], errors: [{ line: 1, message: 'the header needs at least "name" and "location"' }] };
  const aeds: { line: number; input: AedInput }[] = [];
  const errors: LineError[] = [];
  for (const { line, values } of rows) {
    try {
      const where = position(values);
      if (typeof where === 'string') throw new Error(where);
      const active = blank(values.active);
      if (active !== null && !/^(ja|nee|yes|no|true|false|1|0)$/i.test(active)) throw new Error(`active: "${active}" is not ja/nee`);
      const input = {
        externalRef: blank(values.ref),
        name: values.name ?? '',
        location: values.location ?? '',
        position: where,
        accessNotes: blank(values.access_notes),
        cabinetCode: blank(values.cabinet_code),
        availability: parseWindowsText(values.availability ?? ''),
        padsExpire: blank(values.pads_expire),
        batteryExpires: blank(values.battery_expires),
        active: active === null ? true : /^(ja|yes|true|1)$/i.test(active),
        ownerName: blank(values.owner_name),
        ownerEmail: blank(values.owner_email),
        ownerPhone: blank(values.owner_phone),
      };
      const parsed = aedInputSchema.safeParse(input);
      if (!parsed.success) throw new Error(issues(parsed.error));
      aeds.push({ line, input });
    } catch (error) {
      errors.push({ line, message: (error as Error).message });
    }
  }
  return { aeds, errors };
}

/**
 * Dutch postcodes (PC6: four digits, the first not 0, and two letters; SA, SD and SS are not
 * issued) and house numbers (1–99999, optionally a letter and an addition: 12, 12A, 12-3, 12 bis).
 */
export interface DutchAddress {
  /** Normalised: "3511AB". */
  postcode: string;
  houseNumber: number;
  houseLetter: string | null;
  addition: string | null;
}

const POSTCODE = /^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$/;
const EXCLUDED_LETTERS = new Set(['SA', 'SD', 'SS']);

/** The normalised PC6 postcode, or null when the text is not one. */
export function parsePostcode(text: string): string | null {
  const match = POSTCODE.exec(text);
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  if (EXCLUDED_LETTERS.has(letters)) return null;
  return `${match[1]}${letters}`;
}

/** The four-digit area (PC4) of a postcode, or null. */
export function parsePc4(text: string): string | null {
  const match = /^\s*([1-9]\d{3})\s*$/.exec(text);
  return match ? match[1]! : parsePostcode(text)?.slice(0, 4) ?? null;
}

const HOUSE = /^\s*(\d{1,5})(?:\s*([A-Za-z])(?![A-Za-z]))?(?:\s*[-/ ]?\s*([A-Za-z0-9]{1,4}))?\s*$/;

/** House number with optional letter and addition ("12", "12A", "12-3", "12 bis"), or null. */
export function parseHouseNumber(text: string): { houseNumber: number; houseLetter: string | null; addition: string | null } | null {
  const match = HOUSE.exec(text);
  if (!match) return null;
  const houseNumber = Number(match[1]);
  if (houseNumber < 1) return null;
  return { houseNumber, houseLetter: match[2] ? match[2].toUpperCase() : null, addition: match[3] ? match[3].toUpperCase() : null };
}

/** Postcode and house number together, or null when either is malformed. */
export function parseDutchAddress(postcode: string, houseNumber: string | number): DutchAddress | null {
  const pc = parsePostcode(postcode);
  const house = parseHouseNumber(String(houseNumber));
  return pc && house ? { postcode: pc, ...house } : null;
}

/** "3511AB 12A-3" for messages and logs. */
export function formatDutchAddress(a: DutchAddress): string {
  return `${a.postcode} ${a.houseNumber}${a.houseLetter ?? ''}${a.addition ? `-${a.addition}` : ''}`;
}

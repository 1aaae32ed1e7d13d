/**
 * How many SMS a text costs (3GPP TS 23.038 / GSM 03.38). A text of only GSM-7 characters is sent
 * in 7-bit septets: 160 per single message, 153 per part of a concatenated one (the user data
 * header takes 7); characters of the extension table (€ [ ] { } \ ~ ^ | and form feed) take two
 * septets (escape + code). Any other character switches the whole text to UCS-2: 70 UTF-16 code
 * units single, 67 per part. Encoders never split an escape pair or a surrogate pair across parts,
 * so the parts are packed greedily rather than divided.
 */
export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Units per segment for this text: 160/153 or 70/67. */
  perSegment: number;
  /** Units left in the last segment. */
  remaining: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

/** Septets of a character in GSM-7, or 0 when it has none. */
function septets(char: string): 0 | 1 | 2 {
  if (basic.has(char)) return 1;
  if (extension.has(char)) return 2;
  return 0;
}

export function smsSegments(text: string): SmsSegments {
  const chars = [...text];
  const gsm = chars.every((c) => septets(c) !== 0);
  const sizes = gsm ? chars.map((c) => septets(c) as number) : chars.map((c) => c.length);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const units = sizes.reduce((sum, n) => sum + n, 0);
  if (units <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: units === 0 ? 0 : 1, perSegment: single, remaining: single - units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments, perSegment: multi, remaining: multi - used };
}

import type { MessageLanguage, OutgoingMessage } from './channel.ts';

/**
 * The words every channel shares: the exercise marker (SPEC: an exercise says so on every channel,
 * in the recipient's language) and the label of an update or cancellation, so that a reader of a
 * short post sees at once what kind of message it is.
 */
export const EXERCISE_MARKER: Record<MessageLanguage, string> = { nl: 'OEFENING', en: 'EXERCISE' };

const TYPE_LABEL: Record<MessageLanguage, { Update: string; Cancel: string }> = {
  nl: { Update: 'Update', Cancel: 'Ingetrokken' },
  en: { Update: 'Update', Cancel: 'Cancelled' },
};

/** `OEFENING — Update: ` style prefix for the headline; empty for an actual new alert. */
export function headlinePrefix(message: Pick<OutgoingMessage, 'status' | 'msgType' | 'language'>): string {
  const parts: string[] = [];
  if (message.status === 'Exercise') parts.push(`${EXERCISE_MARKER[message.language]} —`);
  if (message.msgType !== 'Alert') parts.push(`${TYPE_LABEL[message.language][message.msgType]}:`);
  return parts.length === 0 ? '' : `${parts.join(' ')} `;
}

/** The headline as every channel shows it, marked for exercises, updates and cancellations. */
export function markedHeadline(message: OutgoingMessage): string {
  return `${headlinePrefix(message)}${message.headline}`;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const CHUNK = 200;

/**
 * The extended grapheme clusters of a text. Node 20's Intl.Segmenter slows down more than
 * linearly with the length of the string (seconds for 10,000 characters), so long texts are cut
 * into pieces first, only between two printable ASCII characters: UAX #29 (GB999) always breaks
 * there, so the pieces' clusters are exactly the whole text's.
 */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      let cut = end;
      while (cut > start + 1 && !(isPrintableAscii(text.charCodeAt(cut - 1)) && isPrintableAscii(text.charCodeAt(cut)))) cut--;
      // No safe cut in this window (a long run of non-ASCII): segment a larger piece instead.
      if (cut > start + 1) end = cut;
      else {
        cut = end;
        while (cut < text.length && !(isPrintableAscii(text.charCodeAt(cut - 1)) && isPrintableAscii(text.charCodeAt(cut)))) cut++;
        end = cut;
      }
    }
    for (const { segment } of segmenter.segment(text.slice(start, end))) out.push(segment);
    start = end;
  }
  return out;
}

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

/** User-perceived characters (extended grapheme clusters, as Bluesky and Mastodon count them). */
export function graphemeCount(text: string): number {
  return graphemes(text).length;
}

/** The first `max` graphemes of a text (never splits an emoji or an accent from its letter). */
export function takeGraphemes(text: string, max: number): string {
  return max <= 0 ? '' : graphemes(text).slice(0, max).join('');
}

/**
 * A social post: marked headline, body, instruction and the link to the full message, with the
 * body and instruction shortened (ending in "…") until `measure` fits `limit`. The link stays,
 * because it leads to the whole text. Returns null when even headline and link do not fit.
 */
export function composeShortPost(message: OutgoingMessage, limit: number, measure: (text: string) => number): string | null {
  const head = markedHeadline(message);
  const tail = message.url;
  const bodyParts = [message.body.trim(), message.instruction?.trim() ?? ''].filter((p) => p !== '');
  const assemble = (middle: string) => [head, middle, tail].filter((p) => p !== '').join('\n\n');
  const full = assemble(bodyParts.join('\n\n'));
  if (measure(full) <= limit) return full;
  if (measure(assemble('')) > limit) return null;
  // Binary search on the number of graphemes of the middle part that still fit with an ellipsis.
  const middle = graphemes(bodyParts.join('\n\n'));
  const cut = (n: number) => assemble(`${middle.slice(0, n).join('').trimEnd()}…`);
  let low = 0;
  let high = middle.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(cut(mid)) <= limit) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? assemble('') : cut(low);
}

/** Link-like runs in a text, as the services detect them (scheme required; trailing punctuation excluded). */
export function findUrls(text: string): Array<{ url: string; start: number; end: number }> {
  const found: Array<{ url: string; start: number; end: number }> = [];
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    let url = match[0];
    // A sentence's full stop or a closing bracket after a link is not part of it.
    while (/[.,;:!?'")\]}]$/.test(url)) url = url.slice(0, -1);
    if (url.length <= 'https://'.length) continue;
    found.push({ url, start: match.index, end: match.index + url.length });
  }
  return found;
}

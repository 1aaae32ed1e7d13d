/** Letters, digits and the joiners that make up a word; a keyword must not touch one on either side. */
const WORD = String.raw`[\p{L}\p{N}\p{M}_]`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Compiles the configured keywords into one matcher: case-insensitive, whole words or phrases
 * ("brand" matches "Grote BRAND!" but not "branding"), on the text and on the hashtags, so that
 * `#brand` and the tag `brand` match too. Inner whitespace of a phrase matches any whitespace.
 * No keywords: everything matches.
 */
export function compileKeywordFilter(keywords: readonly string[]): (text: string, hashtags: readonly string[]) => boolean {
  const phrases = [...new Set(keywords.map((k) => k.trim().replace(/^#/, '').trim()).filter((k) => k.length > 0))];
  if (phrases.length === 0) return () => true;
  const alternatives = phrases.map((p) => p.split(/\s+/).map(escapeRegExp).join(String.raw`\s+`));
  const pattern = new RegExp(`(?<!${WORD})(?:${alternatives.join('|')})(?!${WORD})`, 'iu');
  return (text, hashtags) => pattern.test(text) || (hashtags.length > 0 && pattern.test(hashtags.join(' ')));
}

/**
 * Whether a post in `declared` languages passes a language filter. Posts that declare no language
 * pass: most clients leave it out, and dropping them would hide too much.
 */
export function languageAllowed(declared: readonly string[], allowed: readonly string[] | undefined): boolean {
  if (!allowed || allowed.length === 0 || declared.length === 0) return true;
  return declared.some((l) => allowed.includes(l.split('-')[0]!.toLowerCase()));
}

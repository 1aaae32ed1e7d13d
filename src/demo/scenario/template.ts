import type { Rng } from './random.ts';

/**
 * Phrase templates: `[a|b|c]` picks one alternative (alternatives nest, an empty one makes a part
 * optional), `{slot}` picks a value from the slot table (values may hold templates themselves) and
 * `{@account}` inserts the handle of a well-known account and records it as a mention. Building
 * text from small parts this way gives thousands of distinct lines from a few hundred phrases.
 */
export interface TemplateContext {
  rng: Rng;
  slots: Readonly<Record<string, readonly string[]>>;
  /** Returns the handle to put in the text for an account key, and remembers the mention. */
  mention: (accountKey: string) => string;
}

const MAX_DEPTH = 6;

/** Expands a template into plain text with tidied whitespace and punctuation. */
export function expand(template: string, ctx: TemplateContext): string {
  return tidy(expandPart(template, ctx, 0));
}

function expandPart(template: string, ctx: TemplateContext, depth: number): string {
  if (depth > MAX_DEPTH) throw new RangeError(`template nests too deeply: ${template.slice(0, 60)}`);
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '[') {
      const close = matchingBracket(template, i);
      const options = splitTopLevel(template.slice(i + 1, close));
      out += expandPart(ctx.rng.pick(options), ctx, depth + 1);
      i = close + 1;
    } else if (c === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) throw new SyntaxError(`unclosed slot in template: ${template}`);
      out += resolveSlot(template.slice(i + 1, close), ctx, depth);
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function resolveSlot(name: string, ctx: TemplateContext, depth: number): string {
  if (name.startsWith('@')) return ctx.mention(name.slice(1));
  const values = ctx.slots[name];
  if (!values || values.length === 0) throw new RangeError(`unknown template slot {${name}}`);
  return expandPart(ctx.rng.pick(values), ctx, depth + 1);
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new SyntaxError(`unclosed [ in template: ${text}`);
}

function splitTopLevel(body: string): string[] {
  const options: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '|' && depth === 0) {
      options.push(body.slice(start, i));
      start = i + 1;
    }
  }
  options.push(body.slice(start));
  return options;
}

/** Collapses the double spaces and stray spaces before punctuation that optional parts leave. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ +([,.!?:;])/g, '$1')
    .replace(/ *\n */g, '\n')
    .replace(/^[ ,]+|[ ,]+$/g, '')
    .trim();
}

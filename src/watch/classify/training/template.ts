/**
 * The phrase-bank template language of the corpus generator:
 * `{a|b|c}` picks one alternative, `[x]` keeps x half of the time, `$slot` inserts a value of a
 * named slot (itself a template). Alternatives and options nest.
 */
export type Slots = Readonly<Record<string, readonly string[]>>;

type Node = string | { choice: Node[][] } | { optional: Node[] } | { slot: string };

const cache = new Map<string, Node[]>();

/** Expands a template with the given random source; throws on an unknown slot or bad brackets. */
export function expand(template: string, slots: Slots, random: () => number, depth = 0): string {
  if (depth > 8) throw new Error(`template nests too deep: ${template}`);
  let nodes = cache.get(template);
  if (!nodes) {
    const parsed = parseSequence(template, 0, '');
    if (parsed.end !== template.length) throw new Error(`unbalanced template: ${template}`);
    nodes = parsed.nodes;
    cache.set(template, nodes);
  }
  return render(nodes, slots, random, depth).replace(/ {2,}/g, ' ').replace(/ ([,.!?])/g, '$1').trim();
}

function render(nodes: Node[], slots: Slots, random: () => number, depth: number): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if ('choice' in node) out += render(pick(node.choice, random), slots, random, depth);
    else if ('optional' in node) out += random() < 0.5 ? render(node.optional, slots, random, depth) : '';
    else {
      const values = slots[node.slot];
      if (!values) throw new Error(`unknown slot $${node.slot}`);
      out += expand(pick(values, random), slots, random, depth + 1);
    }
  }
  return out;
}

/** Parses until one of `stops` (or the end); returns the nodes and where it stopped. */
function parseSequence(s: string, from: number, stops: string): { nodes: Node[]; end: number } {
  const nodes: Node[] = [];
  let text = '';
  let i = from;
  const flush = (): void => {
    if (text) nodes.push(text);
    text = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (stops.includes(c)) break;
    if (c === '{') {
      flush();
      const choice: Node[][] = [];
      i++;
      for (;;) {
        const part = parseSequence(s, i, '|}');
        choice.push(part.nodes);
        i = part.end + 1;
        if (s[part.end] !== '|') break;
      }
      if (s[i - 1] !== '}') throw new Error(`unclosed { in: ${s}`);
      nodes.push({ choice });
    } else if (c === '[') {
      flush();
      const part = parseSequence(s, i + 1, ']');
      if (s[part.end] !== ']') throw new Error(`unclosed [ in: ${s}`);
      nodes.push({ optional: part.nodes });
      i = part.end + 1;
    } else if (c === '$' && /[a-z]/.test(s[i + 1] ?? '')) {
      flush();
      let j = i + 1;
      while (j < s.length && /[a-z_]/.test(s[j]!)) j++;
      nodes.push({ slot: s.slice(i + 1, j) });
      i = j;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return { nodes, end: i };
}

/** A uniformly chosen element. */
export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateScenario } from './generate.ts';
import { eventsJson, postLine } from './serialise.ts';
import type { ScenarioOptions } from './types.ts';

export const POSTS_FILE = 'festival-utrecht.jsonl';
export const EVENTS_FILE = 'festival-utrecht.events.json';

export interface WriteOptions extends ScenarioOptions {
  /** Called as lines are written; `done` counts lines, `total` is the number of posts. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Generates the scenario and writes `festival-utrecht.jsonl` and `festival-utrecht.events.json`
 * into `dir` (created if missing). Lines are streamed, so a benchmark-sized scenario does not
 * have to fit in one string.
 */
export async function writeScenario(dir: string, options: WriteOptions = {}): Promise<{ postsFile: string; eventsFile: string; count: number }> {
  const { posts, events } = generateScenario(options);
  await mkdir(dir, { recursive: true });
  const postsFile = join(dir, POSTS_FILE);
  const eventsFile = join(dir, EVENTS_FILE);
  const out = createWriteStream(postsFile, { encoding: 'utf8' });
  const closed = once(out, 'close');
  const step = Math.max(1, Math.floor(posts.length / 100));
  let chunk = '';
  for (let i = 0; i < posts.length; i++) {
    chunk += `${postLine(posts[i]!)}\n`;
    if (chunk.length > 1 << 16 || i === posts.length - 1) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
    if (options.onProgress && ((i + 1) % step === 0 || i === posts.length - 1)) options.onProgress(i + 1, posts.length);
  }
  out.end();
  await closed;
  await writeFile(eventsFile, eventsJson(events), 'utf8');
  return { postsFile, eventsFile, count: posts.length };
}

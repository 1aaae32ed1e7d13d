/**
 * `npm run bench [-- name…]`: runs the named benchmarks (all when none is named). Each prints its
 * figures beside its peer and ends with one JSON line; the run ends with a JSON object of all.
 */
import { broadcastBench } from './broadcast.ts';
import { classifyBench } from './classify.ts';
import { enrichBench } from './enrich.ts';
import { replayBench } from './replay.ts';
import { searchBench } from './search.ts';
import { signalsBench } from './signals.ts';
import { storageModelsBench } from './storage-models.ts';
import { tipsBench } from './tips.ts';
import { watchBench } from './watch.ts';
import { dispatchBench } from './dispatch.ts';
import { webpushBench } from './webpush.ts';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  replay: replayBench,
  enrich: enrichBench,
  classify: classifyBench,
  watch: watchBench,
  storage: storageModelsBench,
  search: searchBench,
  signals: signalsBench,
  broadcast: broadcastBench,
  tips: tipsBench,
  dispatch: dispatchBench,
  webpush: webpushBench,
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = names.filter((n) => !(n in benches));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; available: ${Object.keys(benches).join(', ')}\n`);
  process.exit(2);
}
const results: Record<string, unknown> = {};
for (const name of names.length > 0 ? names : Object.keys(benches)) {
  process.stdout.write(`\n## ${name}\n`);
  results[name] = await benches[name]!();
}
process.stdout.write(`${JSON.stringify(results)}\n`);

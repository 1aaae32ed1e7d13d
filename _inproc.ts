import { Pseudonymiser } from '#govern/pseudonyms.ts';
import { Classifier } from '#watch/classify/index.ts';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
import { parseReplayLine } from '#watch/connectors/replay-line.ts';
import { normaliseReplayLine } from '#watch/normalise.ts';
import { scenarioLines, stream } from './bench/scenario.ts';
const lines = stream(scenarioLines(), 120_000);
const pseudonyms = new Pseudonymiser(Buffer.alloc(32, 3));
const enricher = new Enricher({ gazetteer: Gazetteer.load() });
const classifier = Classifier.load();
const stage = Number(process.argv[2] ?? 3);
for (let round = 0; round < 4; round++) {
  const cpu = process.cpuUsage();
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseReplayLine(lines[i]!);
    if (!parsed.ok) continue;
    const post = normaliseReplayLine(parsed.line, pseudonyms);
    if (stage < 2) continue;
    const e = enricher.enrich({ id: post.sourceId, organisationId: 'bench', text: post.text, language: post.language, location: post.location });
    if (stage < 3) continue;
    classifier.classify({ text: post.text, language: e.language.code, tokens: e.tokens });
  }
  const u = process.cpuUsage(cpu);
  console.log(((u.user + u.system) / lines.length).toFixed(2), 'µs/post');
}

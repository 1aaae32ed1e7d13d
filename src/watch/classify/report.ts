import { CLASSES } from './labels.ts';
import { round, type Evaluation, type LanguageEvaluation } from './evaluate.ts';

/** Short column heads for the confusion matrix, in CLASSES order. */
const ABBREVIATIONS = ['none', 'fire', 'viol', 'rob', 'ordr', 'crwd', 'trfc', 'med', 'miss', 'susp', 'drug', 'outg', 'wthr', 'help', 'rmr'];

/** The evaluation as plain-text tables: per-class P/R/F1, relevance, priority and the confusion matrix. */
export function formatEvaluation(e: Evaluation, byLanguage: Record<string, LanguageEvaluation>): string {
  const lines: string[] = [];
  const pct = (x: number): string => x.toFixed(3).padStart(6);
  lines.push(`${'class'.padEnd(22)} precision recall     f1 support`);
  for (const c of e.perClass) {
    if (c.support === 0 && e.confusion.every((row) => row[CLASSES.indexOf(c.label)] === 0)) continue;
    lines.push(`${c.label.padEnd(22)}    ${pct(c.precision)} ${pct(c.recall)} ${pct(c.f1)} ${String(c.support).padStart(7)}`);
  }
  lines.push(`${'macro F1'.padEnd(22)}                  ${pct(e.macroF1)}`);
  lines.push(`${'relevance'.padEnd(22)}    ${pct(e.relevance.precision)} ${pct(e.relevance.recall)} ${pct(e.relevance.f1)}`);
  lines.push(`accuracy ${round(e.accuracy)}; priority on ${e.priority.n} relevant posts: exact ${round(e.priority.accuracy)}, within one step ${round(e.priority.withinOne)}`);
  for (const [language, l] of Object.entries(byLanguage)) {
    lines.push(`  ${language}: n=${l.n} macro F1 ${l.macroF1} relevance F1 ${l.relevanceF1}`);
  }
  lines.push('', 'confusion (rows: gold, columns: predicted)');
  lines.push(`${''.padEnd(9)}${ABBREVIATIONS.map((a) => a.padStart(5)).join('')}`);
  const heads = [...ABBREVIATIONS, 'relv'];
  e.confusion.forEach((row, g) => {
    if (row.every((v) => v === 0)) return;
    lines.push(`${heads[g]!.padEnd(9)}${row.map((v) => String(v).padStart(5)).join('')}`);
  });
  return lines.join('\n');
}

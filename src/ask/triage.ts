import type { Priority } from '#core/taxonomy.ts';

const PRIORITY_POINTS: Record<Priority, number> = { low: 100, medium: 200, high: 300, critical: 400 };
/** A tip answering an active appeal is what the operator asked for. */
const APPEAL_POINTS = 60;
/** A photo is often the most useful part of a tip ("pak de overvallen, pak je mobiel"). */
const PHOTO_POINTS = 40;
const RELEVANCE_POINTS = 50;

export interface TriageInput {
  priority: Priority | null;
  relevance: number | null;
  hasAppeal: boolean;
  photoCount: number;
}

/**
 * The sort key of the triage queue: the classifier's priority of the text dominates; an appeal
 * link, photos and relevance order tips within a priority. Tips not yet classified get only the
 * appeal and photo points, so they still sort by what is known at intake.
 */
export function priorityScore(input: TriageInput): number {
  const base = input.priority ? PRIORITY_POINTS[input.priority] : 0;
  const relevance = input.relevance === null ? 0 : Math.round(Math.max(0, Math.min(1, input.relevance)) * RELEVANCE_POINTS);
  return base + relevance + (input.hasAppeal ? APPEAL_POINTS : 0) + (input.photoCount > 0 ? PHOTO_POINTS : 0);
}

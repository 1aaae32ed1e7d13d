import { useT } from '../../ui/i18n/language.tsx';
import type { LinkedIncident, Signal } from './alerts-api.ts';
import { clockTime, scoreBand, timelineLayout } from './signal-display.ts';

const WIDTH = 640;
const ROW = 18;
const AXIS = 22;

/**
 * The evening's signals on one time axis: each a bar from the start of its window to its last
 * post with a mark where it fired, numbered as in the list, and its incident (when linked) as a
 * thin bar beneath. Drawn by hand like charts.tsx; the label says in words what the bars show.
 */
export function SignalTimeline({ signals, incidents, selectedId, onSelect }: { signals: readonly Signal[]; incidents: ReadonlyMap<string, LinkedIncident>; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useT();
  const layout = timelineLayout(signals, incidents, WIDTH);
  if (!layout) return null;
  const number = new Map(signals.map((s, i) => [s.id, i + 1]));
  const bandOf = new Map(signals.map((s) => [s.id, scoreBand(s.score)]));
  const height = layout.rows.length * ROW + AXIS;
  const label = t('signals.timelineLabel', { count: signals.length, from: clockTime(layout.start), to: clockTime(layout.end), incidents: [...incidents.keys()].filter((id) => number.has(id)).length });
  return (
    <figure className="signals-timeline">
      <svg className="signals-timeline__svg" viewBox={`-24 0 ${WIDTH + 32} ${height}`} role="img" aria-label={label}>
        {layout.ticks.map((tick) => (
          <g key={tick.x}>
            <line className="signals-timeline__grid" x1={tick.x} x2={tick.x} y1={0} y2={height - AXIS + 4} />
            <text className="signals-timeline__tick" x={tick.x} y={height - 6} textAnchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.rows.map((row, i) => {
          const y = i * ROW + 3;
          return (
            <g key={row.id} className={`signals-timeline__row signals-timeline__row--${bandOf.get(row.id)}${row.id === selectedId ? ' signals-timeline__row--selected' : ''}`} onClick={() => onSelect(row.id)}>
              <text className="signals-timeline__number" x={-6} y={y + 9} textAnchor="end">
                {number.get(row.id)}
              </text>
              <rect className="signals-timeline__bar" x={row.x1} y={y} width={row.x2 - row.x1} height={9} rx={2} />
              <line className="signals-timeline__fired" x1={row.xDetected} x2={row.xDetected} y1={y - 2} y2={y + 11} />
              {row.incident && <rect className="signals-timeline__incident" x={row.incident.x1} y={y + 11} width={row.incident.x2 - row.incident.x1} height={3} />}
            </g>
          );
        })}
      </svg>
      <figcaption className="signals-timeline__legend">
        <span className="signals-timeline__key signals-timeline__key--signal">{t('signals.timelineSignal')}</span>
        <span className="signals-timeline__key signals-timeline__key--fired">{t('signals.timelineFired')}</span>
        <span className="signals-timeline__key signals-timeline__key--incident">{t('signals.timelineIncident')}</span>
      </figcaption>
    </figure>
  );
}

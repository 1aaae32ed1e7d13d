import type { SeriesPoint } from './signals-api.ts';

const WIDTH = 480;
const HEIGHT = 120;

/**
 * Posts per minute as bars. Drawn by hand (a chart library is a lot of code for bars); the
 * numbers are in the accessible label, since a picture of bars is no use to a screen reader.
 */
export function TimelineChart({ values, label }: { values: readonly number[]; label: string }) {
  const max = Math.max(1, ...values);
  const width = WIDTH / Math.max(1, values.length);
  return (
    <svg className="signals-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line className="signals-chart__axis" x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
      {values.map((value, i) => {
        const h = (value / max) * (HEIGHT - 6);
        return <rect key={i} className="signals-chart__bar" x={i * width + width * 0.1} y={HEIGHT - h} width={Math.max(1, width * 0.8)} height={h} />;
      })}
    </svg>
  );
}

function pathOf(points: readonly SeriesPoint[], max: number): string {
  if (points.length === 0) return '';
  const step = points.length > 1 ? WIDTH / (points.length - 1) : 0;
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(HEIGHT - 4 - (p.cumulative / max) * (HEIGHT - 10)).toFixed(1)}`).join(' ');
}

/** The rumour's and the correction's cumulative reach on one time axis, as two lines. */
export function ReachChart({ rumour, correction, label, legend }: { rumour: readonly SeriesPoint[]; correction: readonly SeriesPoint[]; label: string; legend: { rumour: string; correction: string } }) {
  const max = Math.max(1, ...rumour.map((p) => p.cumulative), ...correction.map((p) => p.cumulative));
  return (
    <figure className="signals-reach">
      <svg className="signals-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <line className="signals-chart__axis" x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
        <path className="signals-chart__line signals-chart__line--rumour" d={pathOf(rumour, max)} />
        {correction.length > 0 && <path className="signals-chart__line signals-chart__line--correction" d={pathOf(correction, max)} />}
      </svg>
      <figcaption className="signals-reach__legend">
        <span className="signals-reach__key signals-reach__key--rumour">{legend.rumour}</span>
        <span className="signals-reach__key signals-reach__key--correction">{legend.correction}</span>
      </figcaption>
    </figure>
  );
}

import { sparklineGeometry } from '../ui/sparkline.ts';

const WIDTH = 240;
const HEIGHT = 48;

/**
 * Posts per minute as an inline SVG line. A chart library would be a lot of code for one line;
 * the numbers behind it are in the accessible label, since a picture of a line is no use to a
 * screen reader.
 */
export function SparklineChart({ values, label }: { values: readonly number[]; label: string }) {
  const { line, area } = sparklineGeometry(values, WIDTH, HEIGHT);
  const lastIndex = values.length - 1;
  const lastPoint = line.split(' ').at(-1)?.split(',');
  return (
    <svg
      className="sparkline__chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <path className="sparkline__area" d={area} />
      <polyline className="sparkline__line" points={line} />
      {lastIndex >= 0 && lastPoint && (
        <circle className="sparkline__now" cx={lastPoint[0]} cy={lastPoint[1]} r="2.5" />
      )}
    </svg>
  );
}

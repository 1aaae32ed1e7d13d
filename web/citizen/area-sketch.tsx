import type { AreaSketch } from './ask/appeal-area.ts';
import './area-sketch.css';

/**
 * An area drawn without a map service (no tiles, no trackers, works offline): the outline from
 * `areaSketch`, north up, with a scale bar. Decorative: the page always says the area in words
 * beside it. Shared by the appeal page and the message page.
 */
export function AreaSketchSvg({ sketch, width, height }: { sketch: AreaSketch; width: number; height: number }) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="area-sketch" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width={width} height={height} className="area-sketch__ground" />
      <path d={sketch.path} className="area-sketch__shape" />
      <circle cx={sketch.centre.x} cy={sketch.centre.y} r="4" className="area-sketch__centre" />
      <g transform={`translate(12 ${height - 14})`}>
        <line x1="0" y1="0" x2={sketch.scaleLength.toFixed(1)} y2="0" className="area-sketch__scale" />
        <text x={(sketch.scaleLength + 6).toFixed(1)} y="4" className="area-sketch__label">
          {sketch.scaleM >= 1000 ? `${sketch.scaleM / 1000} km` : `${sketch.scaleM} m`}
        </text>
      </g>
      <text x={width - 16} y="20" textAnchor="middle" className="area-sketch__label">
        N ↑
      </text>
    </svg>
  );
}

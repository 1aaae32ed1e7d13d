import { useT } from '../../ui/i18n/language.tsx';
import { scaleBarMetres, sketchLayout, type SketchPoint } from './responder-logic.ts';

const WIDTH = 320;
const HEIGHT = 220;
const MARGIN = 28;

/**
 * A small drawn map (no tiles, works offline): the volunteer, the AED and the victim, north up,
 * to scale, with the walking order as lines. The route itself is for the phone's map app; this
 * shows at a glance which way and how far. The figure has a text alternative.
 */
export function SketchMap({ me, aed, victim, description }: { me: { lat: number; lon: number } | null; aed: { lat: number; lon: number } | null; victim: { lat: number; lon: number }; description: string }) {
  const { t } = useT();
  const points: SketchPoint[] = [...(me ? [{ kind: 'me' as const, ...me }] : []), ...(aed ? [{ kind: 'aed' as const, ...aed }] : []), { kind: 'victim', ...victim }];
  const { placed, metresPerUnit } = sketchLayout(points, WIDTH, HEIGHT, MARGIN);
  const bar = scaleBarMetres(metresPerUnit, WIDTH);
  const barLength = bar / metresPerUnit;
  const path = placed.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const labels = { me: t('responder.map.me'), aed: 'AED', victim: t('responder.map.victim') };

  return (
    <figure className="responder-sketch">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} className="responder-sketch__svg">
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} fill="#f3f6f8" />
        {placed.length > 1 && <polyline points={path} fill="none" stroke="#0b5cad" strokeWidth="3" strokeDasharray="8 6" />}
        {placed.map((p) => (
          <g key={p.kind} transform={`translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`}>
            {p.kind === 'victim' && <circle r="11" fill="#b3261e" stroke="#ffffff" strokeWidth="2" />}
            {p.kind === 'aed' && <rect x="-13" y="-10" width="26" height="20" rx="3" fill="#1e6b30" stroke="#ffffff" strokeWidth="2" />}
            {p.kind === 'me' && <circle r="8" fill="#0b5cad" stroke="#ffffff" strokeWidth="3" />}
            <text y={p.kind === 'aed' ? 4 : 5} textAnchor="middle" fontSize={p.kind === 'aed' ? 9 : 13} fontWeight="700" fill="#ffffff">
              {p.kind === 'victim' ? '✚' : p.kind === 'aed' ? 'AED' : ''}
            </text>
            <text y={p.kind === 'me' ? -14 : -16} textAnchor="middle" fontSize="12" fontWeight="700" fill="#18212b" stroke="#f3f6f8" strokeWidth="3" paintOrder="stroke">
              {labels[p.kind]}
            </text>
          </g>
        ))}
        <g transform={`translate(12 ${HEIGHT - 14})`}>
          <line x1="0" y1="0" x2={barLength.toFixed(1)} y2="0" stroke="#18212b" strokeWidth="2" />
          <text x={(barLength + 6).toFixed(1)} y="4" fontSize="11" fill="#18212b">
            {bar} m
          </text>
        </g>
        <text x={WIDTH - 14} y="20" textAnchor="middle" fontSize="12" fontWeight="700" fill="#18212b">
          N ↑
        </text>
      </svg>
      <figcaption className="utrecht-paragraph utrecht-paragraph--small">{description}</figcaption>
    </figure>
  );
}

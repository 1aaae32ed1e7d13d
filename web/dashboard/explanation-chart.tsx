import { useId } from 'react';
import type { ExplanationFeature } from '../ui/api.ts';
import { explanationBars, formatFeature, formatWeight, strongestFeatures } from '../ui/explanation.ts';
import { localeOf } from '../ui/format.ts';
import { useT } from '../ui/i18n/language.tsx';

const BAR_WIDTH = 120;
const BAR_HEIGHT = 12;

/**
 * The strongest features of a classification: per feature its name in words ("stam: reanim"), a
 * bar (inline SVG, so no style attributes are needed under the CSP) and the weight as a number.
 * It is a list, so a screen reader reads name and weight; the bars are decorative.
 */
export function ExplanationChart({ features }: { features: readonly ExplanationFeature[] }) {
  const { t, language } = useT();
  const ids = useId();
  const strongest = strongestFeatures(features);
  if (strongest.length === 0) {
    return <p className="explanation__none">{t('detail.explanationNone')}</p>;
  }
  const { bars, axis } = explanationBars(strongest, BAR_WIDTH);
  const hasNegative = bars.some((bar) => !bar.positive);
  return (
    <>
      <p id={`${ids}-hint`} className="field__hint">
        {t(hasNegative ? 'detail.explanationHintSigned' : 'detail.explanationHint')}
      </p>
      <ol className="explanation" aria-describedby={`${ids}-hint`}>
        {bars.map((bar) => (
          <li key={bar.feature} className="explanation__row">
            <span className="explanation__label" dir="auto">
              {formatFeature(bar.feature, t)}
            </span>
            <svg className="explanation__bar" viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} width={BAR_WIDTH} height={BAR_HEIGHT} aria-hidden="true" focusable="false">
              <rect className="explanation__track" x="0" y="0" width={BAR_WIDTH} height={BAR_HEIGHT} />
              <rect className={bar.positive ? 'explanation__for' : 'explanation__against'} x={bar.x} y="1" width={bar.width} height={BAR_HEIGHT - 2} />
              {hasNegative && <line className="explanation__axis" x1={axis} x2={axis} y1="0" y2={BAR_HEIGHT} />}
            </svg>
            <span className="explanation__weight">
              <span className="visually-hidden">{t('detail.weight')}: </span>
              {formatWeight(bar.weight, localeOf(language))}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

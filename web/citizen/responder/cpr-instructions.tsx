import { useT } from '../../ui/i18n/language.tsx';

const STEPS = ['responder.cpr.step1', 'responder.cpr.step2', 'responder.cpr.step3', 'responder.cpr.step4', 'responder.cpr.step5', 'responder.cpr.step6'] as const;

/**
 * How to resuscitate, in short steps (Dutch at B1, and English): 30 compressions and 2 breaths,
 * 100 to 120 a minute, 5 to 6 cm deep, and follow the AED's voice. Open by default once the
 * volunteer accepted; before that it is one tap away.
 */
export function CprInstructions({ open }: { open: boolean }) {
  const { t } = useT();
  return (
    <details className="responder-box responder-cpr" open={open}>
      <summary className="responder-cpr__summary">{t('responder.cpr.title')}</summary>
      <ol className="utrecht-ordered-list responder-cpr__steps">
        {STEPS.map((key) => (
          <li key={key} className="utrecht-ordered-list__item">
            {t(key)}
          </li>
        ))}
      </ol>
      <p className="utrecht-paragraph utrecht-paragraph--small">{t('responder.cpr.source')}</p>
    </details>
  );
}

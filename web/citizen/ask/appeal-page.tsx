import { useEffect, useState } from 'react';
import { ApiError } from '../../ui/api.ts';
import { formatAbsoluteTime, formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { AreaSketchSvg } from '../area-sketch.tsx';
import { CITIZEN_PATHS } from '../routes.ts';
import { areaSketch } from './appeal-area.ts';
import { appealTipPath } from './ask-paths.ts';
import { fetchPublicAppeal, type PublicAppeal } from './tip-api.ts';
import './ask.css';

const WIDTH = 320;
const HEIGHT = 200;

type Load = { status: 'loading' } | { status: 'ready'; appeal: PublicAppeal } | { status: 'missing' } | { status: 'failed' };

/** Where the appeal is about, as a drawing without a map service, with its text alternative beside it. */
function AreaFigure({ appeal }: { appeal: PublicAppeal }) {
  const { t, language } = useT();
  const sketch = areaSketch(appeal.area, WIDTH, HEIGHT, 24);
  const text =
    appeal.area.type === 'circle'
      ? t('appeal.area.circle', { radius: formatNumber(appeal.area.radiusM, language), lat: appeal.area.center.lat.toFixed(4), lon: appeal.area.center.lon.toFixed(4) })
      : t('appeal.area.polygon', { width: formatNumber(Math.round((sketch?.extentM.width ?? 0) / 100) / 10, language, 1), height: formatNumber(Math.round((sketch?.extentM.height ?? 0) / 100) / 10, language, 1), lat: sketch?.centreDeg.lat.toFixed(4) ?? '', lon: sketch?.centreDeg.lon.toFixed(4) ?? '' });
  return (
    <figure className="ask-area">
      {sketch && <AreaSketchSvg sketch={sketch} width={WIDTH} height={HEIGHT} />}
      <figcaption className="utrecht-paragraph">{text}</figcaption>
    </figure>
  );
}

/**
 * A published appeal as residents see it (SPEC A1): what happened, the description and photos,
 * where, how to respond and until when, with a "Tip geven" button. A closed appeal says how it
 * ended. Plain Dutch at B1 level, "u".
 */
export function AppealPage({ appealId }: { appealId: string }) {
  const { t, language } = useT();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchPublicAppeal(appealId, controller.signal).then(
      (appeal) => setLoad({ status: 'ready', appeal }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad(error instanceof ApiError && error.status === 404 ? { status: 'missing' } : { status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [appealId]);

  if (load.status === 'loading') {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('appeal.pageTitle')}</h1>
        <p className="utrecht-paragraph" role="status">
          {t('common.loading')}
        </p>
      </>
    );
  }
  if (load.status !== 'ready') {
    return (
      <>
        <h1 className="utrecht-heading-1">{load.status === 'missing' ? t('appeal.missing.title') : t('appeal.failed.title')}</h1>
        <p className="utrecht-paragraph">{load.status === 'missing' ? t('appeal.missing.body') : t('appeal.failed.body')}</p>
        <p className="utrecht-paragraph">
          <Link to={CITIZEN_PATHS.home} className="utrecht-link utrecht-link--html-a">
            {t('citizen.notFound.home')}
          </Link>
        </p>
      </>
    );
  }

  const { appeal } = load;
  const active = appeal.status === 'active';
  return (
    <>
      <p className="utrecht-paragraph ask-kind">
        <span className="utrecht-status-badge utrecht-status-badge--neutral">{t(`appeal.kind.${appeal.kind}`)}</span>
      </p>
      <h1 className="utrecht-heading-1">{appeal.title}</h1>
      {active ? (
        <p className="utrecht-paragraph utrecht-paragraph--lead">{appeal.endsAt ? t('appeal.until', { time: formatAbsoluteTime(appeal.endsAt, language) }) : t('appeal.running')}</p>
      ) : (
        <div className="utrecht-alert utrecht-alert--info ask-block">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <h2 className="utrecht-heading-2">{t('appeal.closed.title')}</h2>
              <p className="utrecht-paragraph">{appeal.outcome ? t(`appeal.outcome.${appeal.outcome}`) : t('appeal.closed.body')}</p>
              {appeal.outcomeText && <p className="utrecht-paragraph">{appeal.outcomeText}</p>}
              <p className="utrecht-paragraph">{t('appeal.closed.thanks')}</p>
            </div>
          </div>
        </div>
      )}

      {active && appeal.kind === 'missing_person' && (
        <div className="utrecht-alert utrecht-alert--warning ask-block">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">{t('appeal.emergency')}</p>
          </div>
        </div>
      )}

      <h2 className="utrecht-heading-2">{t('appeal.what')}</h2>
      <p className="utrecht-paragraph ask-text">{appeal.description}</p>

      {appeal.photoUrls.length > 0 && (
        <ul className="ask-photos" aria-label={t('appeal.photos')}>
          {appeal.photoUrls.map((url, index) => (
            <li key={url}>
              <img src={url} alt={t('appeal.photoAlt', { number: index + 1, title: appeal.title })} className="ask-photos__image" loading="lazy" />
            </li>
          ))}
        </ul>
      )}

      <h2 className="utrecht-heading-2">{t('appeal.where')}</h2>
      <AreaFigure appeal={appeal} />

      {active && (
        <>
          <h2 className="utrecht-heading-2">{t('appeal.how')}</h2>
          <p className="utrecht-paragraph ask-text">{appeal.responseInstructions}</p>
          <p className="utrecht-paragraph">
            <Link to={appealTipPath(appeal.id)} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action ask-cta">
              {t('appeal.giveTip')}
            </Link>
          </p>
          <p className="utrecht-paragraph">{t('appeal.anonymousNote')}</p>
        </>
      )}
      {appeal.publishedAt && <p className="utrecht-paragraph utrecht-paragraph--small">{t('appeal.publishedAt', { time: formatAbsoluteTime(appeal.publishedAt, language) })}</p>}
    </>
  );
}

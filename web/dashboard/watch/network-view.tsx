import { useId, useMemo, useState } from 'react';
import { formatNumber, shortPseudonym } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { CategoryOptions } from '../../ui/taxonomy-options.tsx';
import { forceLayout } from './force-layout.ts';
import type { NetworkNode, SignalsApi } from './signals-api.ts';
import { useResource } from './use-resource.ts';
import '../map.css';
import { LoadError } from './watch-parts.tsx';
import './signals.css';

const SIZE = 640;
/** Community colours (Okabe–Ito, distinguishable with colour-vision deficiencies); others are grey. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8B6F00'];
const OTHER = '#8A8F98';

export function communityColour(community: number): string {
  return PALETTE[community] ?? OTHER;
}

/** Netwerk: the actor network as an interactive graph, with a table of the accounts with most reach as its accessible twin (SPEC W9). */
export function NetworkView({ signals, onUnauthorized }: { signals: SignalsApi; onUnauthorized: () => void }) {
  const { t, language } = useT();
  const ids = useId();
  const [category, setCategory] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const { resource } = useResource((signal) => signals.getNetwork({ category: category || undefined, signal }), `network:${category}`, onUnauthorized, 60_000);
  const network = resource.status === 'ready' ? resource.value : null;
  const positions = useMemo(() => (network ? forceLayout(network.nodes, network.edges) : new Map<string, { x: number; y: number }>()), [network]);
  const maxRank = Math.max(1e-9, ...(network?.nodes ?? []).map((n) => n.pagerank));
  const chosen: NetworkNode | undefined = network?.nodes.find((n) => n.id === selected) ?? network?.top.find((n) => n.id === selected);
  const neighbours = useMemo(() => {
    const set = new Set<string>();
    for (const e of network?.edges ?? []) {
      if (e.from === selected) set.add(e.to);
      if (e.to === selected) set.add(e.from);
    }
    return set;
  }, [network, selected]);

  return (
    <div className="network">
      <section className="panel network__controls" aria-labelledby={`${ids}-controls`}>
        <h2 id={`${ids}-controls`} className="signals__title">
          {t('watch.view.network')}
        </h2>
        <p className="field__hint">{t('network.lead')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-category`}>
            {t('network.category')}
          </label>
          <select id={`${ids}-category`} className="field__input" value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('network.allCategories')}</option>
            <CategoryOptions />
          </select>
        </div>
        {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {resource.status === 'error' && <LoadError error={resource.error} />}
        {network && (
          <p className="signals__meta">
            {t('network.totals', { nodes: network.totals.nodes, edges: network.totals.edges, interactions: network.totals.interactions })}
          </p>
        )}
        {network && network.communities.length > 0 && (
          <>
            <h3 className="signals__subtitle">{t('network.legend')}</h3>
            <ul className="legend">
              {network.communities.slice(0, PALETTE.length + 1).map((c) => (
                <li key={c.id} className="legend__item">
                  <span className="network__swatch" style={{ background: communityColour(c.id) }} aria-hidden="true" />
                  <span className="legend__name">{t('network.community', { number: c.id + 1 })}</span>
                  <span className="legend__count">{t('network.communitySize', { count: c.size })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p role="status" className="signals__meta">
          {chosen ? t('network.selected', { id: shortPseudonym(chosen.id), reach: formatNumber(chosen.reach, language), degree: chosen.degree }) : ''}
        </p>
      </section>

      <section className="panel network__graph" aria-labelledby={`${ids}-graph`}>
        <h2 id={`${ids}-graph`} className="visually-hidden">
          {t('network.graph')}
        </h2>
        {network && network.nodes.length === 0 && <p className="feed-state">{t('network.empty')}</p>}
        {network && network.nodes.length > 0 && (
          <svg className="network__svg" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={t('network.graphLabel', { nodes: network.nodes.length, edges: network.edges.length })}>
            <g className="network__edges">
              {network.edges.map((e) => {
                const a = positions.get(e.from);
                const b = positions.get(e.to);
                if (!a || !b) return null;
                const lit = selected !== null && (e.from === selected || e.to === selected);
                return (
                  <line
                    key={`${e.from}-${e.to}`}
                    className={lit ? 'network__edge network__edge--lit' : 'network__edge'}
                    x1={a.x * SIZE}
                    y1={a.y * SIZE}
                    x2={b.x * SIZE}
                    y2={b.y * SIZE}
                    strokeWidth={Math.min(4, 0.5 + Math.log2(1 + e.weight) / 2)}
                  />
                );
              })}
            </g>
            {network.nodes.map((n) => {
              const p = positions.get(n.id)!;
              const faded = selected !== null && n.id !== selected && !neighbours.has(n.id);
              return (
                <circle
                  key={n.id}
                  className={`network__node${n.id === selected ? ' network__node--selected' : ''}${faded ? ' network__node--faded' : ''}`}
                  cx={p.x * SIZE}
                  cy={p.y * SIZE}
                  r={3 + 9 * Math.sqrt(n.pagerank / maxRank)}
                  fill={communityColour(n.community)}
                  onClick={() => setSelected(n.id === selected ? null : n.id)}
                >
                  <title>{t('network.nodeLabel', { id: shortPseudonym(n.id), reach: n.reach, community: n.community + 1 })}</title>
                </circle>
              );
            })}
          </svg>
        )}
      </section>

      <section className="panel network__table" aria-labelledby={`${ids}-top`}>
        <h2 id={`${ids}-top`} className="signals__title">
          {t('network.top')}
        </h2>
        {network && network.top.length > 0 && (
          <table className="signals-table">
            <thead>
              <tr>
                <th scope="col">{t('network.account')}</th>
                <th scope="col">{t('network.reach')}</th>
                <th scope="col">{t('network.pagerank')}</th>
                <th scope="col">{t('network.degree')}</th>
                <th scope="col">{t('network.communityColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {network.top.map((n) => (
                <tr key={n.id} className={n.id === selected ? 'signals-table__row--selected' : undefined}>
                  <th scope="row">
                    <button type="button" className="link-button" aria-pressed={n.id === selected} onClick={() => setSelected(n.id === selected ? null : n.id)}>
                      <span className="network__swatch" style={{ background: communityColour(n.community) }} aria-hidden="true" /> {shortPseudonym(n.id)}
                    </button>
                  </th>
                  <td>{formatNumber(n.reach, language)}</td>
                  <td>{n.pagerank.toFixed(4)}</td>
                  <td>{n.degree}</td>
                  <td>{n.community + 1}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

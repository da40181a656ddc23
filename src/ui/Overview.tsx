/**
 * The page overview (Chrome side panel, Firefox sidebar): every entity on the
 * page grouped by kind, the site's owner, and the connections between the
 * entities drawn as a small graph (with the same links listed as text for
 * screen readers). Clicking a name jumps to its mention. Pure.
 */
import type { PageInfo } from '../shared/messages.ts';
import { t } from './i18n.ts';
import { OutletSummary } from './OutletSummary.tsx';

const KIND_KEYS = {
  person: 'kindPerson',
  company: 'kindCompany',
  organization: 'kindOrganization',
  publicBody: 'kindPublicBody',
  fund: 'kindFund',
  outlet: 'kindOutlet',
} as const;

export interface OverviewProps {
  page: PageInfo | null;
  onJump?: (entityId: string) => void;
}

export function Overview({ page, onJump }: OverviewProps) {
  const entities = page?.active ? page.entities : [];
  if (!page || entities.length === 0) {
    return (
      <>
        <h1>{t('overviewTitle')}</h1>
        <p>{t('overviewEmpty')}</p>
      </>
    );
  }
  const groups = new Map<string, typeof entities>();
  for (const e of entities) {
    const key = e.kind in KIND_KEYS ? e.kind : 'other';
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const name = (id: string) => entities.find(e => e.id === id)?.name ?? id;
  return (
    <>
      <h1>{t('overviewTitle')}</h1>
      <p class="muted">{page.host}</p>
      {[...groups].map(([kind, list]) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{t(KIND_KEYS[kind as keyof typeof KIND_KEYS] ?? 'kindOther')}</h2>
          <ul>
            {list.map(e => (
              <li key={e.id}>
                <button type="button" class="link" aria-label={t('jumpTo', e.name)} onClick={() => onJump?.(e.id)}>
                  {e.name}
                </button>{' '}
                <span class="muted">×{e.mentions}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {page.links.length > 0 && (
        <section aria-labelledby="links-h">
          <h2 id="links-h">{t('connections')}</h2>
          <Graph entities={entities} links={page.links} />
          <ul>
            {page.links.map(l => (
              <li key={`${l.from}>${l.to}`}>
                {name(l.from)} — {l.how}
              </li>
            ))}
          </ul>
        </section>
      )}
      {page.outlet && (
        <section aria-labelledby="outlet-h">
          <h2 id="outlet-h">{t('siteOwner')}</h2>
          <OutletSummary outlet={page.outlet} />
        </section>
      )}
    </>
  );
}

/** Entities on a circle, links as lines; decorative (the list above says the same in words). */
export function Graph({
  entities,
  links,
}: {
  entities: { id: string; name: string }[];
  links: { from: string; to: string }[];
}) {
  const linked = entities.filter(e => links.some(l => l.from === e.id || l.to === e.id));
  const size = 300;
  const r = 105;
  const at = new Map(
    linked.map((e, i) => {
      const a = (2 * Math.PI * i) / linked.length - Math.PI / 2;
      return [e.id, { x: size / 2 + r * Math.cos(a), y: size / 2 + r * Math.sin(a) }] as const;
    }),
  );
  return (
    <svg class="graph" viewBox={`-80 -6 ${size + 160} ${size + 12}`} aria-hidden="true" focusable="false">
      {links.map(l => {
        const a = at.get(l.from);
        const b = at.get(l.to);
        return a && b ? <line key={`${l.from}>${l.to}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} /> : null;
      })}
      {linked.map(e => {
        const p = at.get(e.id)!;
        const anchor = p.x < size / 2 - 10 ? 'end' : p.x > size / 2 + 10 ? 'start' : 'middle';
        const dx = anchor === 'end' ? -9 : anchor === 'start' ? 9 : 0;
        const dy = anchor === 'middle' ? (p.y < size / 2 ? -10 : 18) : 4;
        return (
          <g key={e.id}>
            <circle cx={p.x} cy={p.y} r={6} />
            <text x={p.x + dx} y={p.y + dy} text-anchor={anchor}>
              {e.name.length > 18 ? `${e.name.slice(0, 17)}…` : e.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

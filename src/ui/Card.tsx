/**
 * The entity card: who owns it (drawn as stake bars, the undisclosed rest
 * shown as unknown), the chain up to the ultimate owners, what it owns,
 * roles, a policy timeline, its connections to the page's other entities,
 * and actions (copy as citation, not this entity). Data in, markup out;
 * every string is rendered as text.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';

import type { CardData, ChainView, OnPageView, PolicyView, RoleView, StakeView } from '../shared/card.ts';
import { citation } from './citation.ts';
import { formatDate, isStale, kindLabel, period, relationLabel } from './format.ts';
import { t } from './i18n.ts';
import { Sources } from './Sources.tsx';

export interface CardProps {
  card: CardData;
  /** Why this mention matched, in small print. */
  why?: string;
  today?: Date;
  onClose?: () => void;
  /** "Not this entity": hide this wrong match on this page. */
  onHide?: () => void;
  /** Writes text to the clipboard; rejects when it cannot. Defaults to navigator.clipboard. */
  copy?: (text: string) => Promise<void>;
}

export function Card({ card, why, today = new Date(), onClose, onHide, copy }: CardProps) {
  const { entity } = card;
  const headingId = `stakes-card-title-${entity.id.replace(/[^a-z0-9]/gi, '-')}`;
  const nothing = card.ownedBy.length + card.owns.length + card.roles.length + card.policy.length === 0;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby={headingId} tabIndex={-1}>
      <div class="head">
        <div>
          <h2 id={headingId}>{entity.name}</h2>
          <p class="kind">
            {kindLabel(entity.kind)}
            {entity.country ? ` · ${entity.country}` : ''}
          </p>
        </div>
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      <p class="description">{entity.description}</p>

      {card.ownedBy.length > 0 && (
        <Section title={t('ownedBy')}>
          <OwnershipSummary stakes={card.ownedBy} />
          {card.ownedBy.map(s => (
            <Stake key={s.claimId} stake={s} side="owner" today={today} />
          ))}
        </Section>
      )}
      {card.chain && card.chain.length > 0 && (
        <Section title={t('chainTitle')}>
          {card.chain.map(c => (
            <Chain key={c.hops.map(h => h.claimId).join()} name={entity.name} chain={c} />
          ))}
        </Section>
      )}
      {card.owns.length > 0 && (
        <Section title={t('owns')}>
          {card.owns.map(s => (
            <Stake key={s.claimId} stake={s} side="asset" today={today} />
          ))}
        </Section>
      )}
      {card.roles.length > 0 && (
        <Section title={entity.kind === 'person' ? t('roles') : t('people')}>
          {card.roles.map(r => (
            <Role key={r.claimId} role={r} today={today} />
          ))}
        </Section>
      )}
      {card.policy.length > 0 && (
        <Section title={t('policyContext')}>
          {card.policy.map(p => (
            <Policy key={p.id} policy={p} />
          ))}
        </Section>
      )}
      {card.onPage && card.onPage.length > 0 && <OnPage items={card.onPage} />}
      {nothing && <p class="empty">{t('empty')}</p>}
      <Actions card={card} today={today} onHide={onHide} copy={copy} />
      <div class="foot">
        {why && <p>{why}</p>}
        <p>
          {t('datasetLine', card.dataset.version, formatDate(card.dataset.updated))}
          {isStale(card.dataset.updated, today) ? ` · ${t('overTwoYears')}` : ''}
        </p>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: preact.ComponentChildren }) {
  return (
    <section>
      <h3>{title}</h3>
      <ul>{children}</ul>
    </section>
  );
}

/**
 * One bar for all current owners with a figure, the rest drawn as unknown:
 * never a made-up 100%. Ranges are shaded. Not a list item: it precedes the list.
 */
export function OwnershipSummary({ stakes }: { stakes: StakeView[] }) {
  const current = stakes.filter(s => !s.end && s.low !== undefined && s.high !== undefined);
  if (current.length === 0) return null;
  const low = current.reduce((n, s) => n + s.low!, 0);
  const high = current.reduce((n, s) => n + s.high!, 0);
  if (low > 100.5) return null; // inconsistent figures from different dates: do not draw a sum
  const rest = Math.max(0, 100 - Math.min(high, 100));
  const label = t('disclosedOwners', current.map(s => `${s.other.name} ${s.share}`).join(', '), `${round(rest)}%`);
  return (
    <li class="summary-bar">
      <div class="bar stacked" role="img" aria-label={label}>
        {current.map((s, i) => (
          <Fragment key={s.claimId}>
            <span class={`fill tone${i % 3}`} style={{ width: `${s.low}%` }} title={`${s.other.name}: ${s.share}`} />
            {s.high! > s.low! && <span class="range" style={{ width: `${s.high! - s.low!}%` }} />}
          </Fragment>
        ))}
        {rest > 0 && <span class="unknown" style={{ width: `${rest}%` }} />}
      </div>
      <p class="meta">
        {t('notDisclosed')}: {round(rest)}%
      </p>
    </li>
  );
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

function Stake({ stake, side, today }: { stake: StakeView; side: 'owner' | 'asset'; today: Date }) {
  const relation =
    stake.relation === 'stake' ? undefined : side === 'owner' ? relationLabel(stake.relation) : stake.relation;
  const when = period(stake.start, stake.end);
  return (
    <li class={stake.end ? 'former' : undefined}>
      <div class="line">
        <strong>{stake.other.name}</strong>
        <span class="share">{stake.share ?? relation ?? t('shareNotDisclosed')}</span>
      </div>
      {stake.low !== undefined && stake.high !== undefined && <ShareBar low={stake.low} high={stake.high} />}
      <Meta
        asOf={stake.asOf}
        today={today}
        confidence={stake.confidence}
        extra={stake.end ? `${t('former')} · ${when}` : when}
      >
        <Sources sources={stake.sources} />
      </Meta>
    </li>
  );
}

/** One stake: the figure filled, a range shaded, the rest drawn as unknown. */
export function ShareBar({ low, high }: { low: number; high: number }) {
  return (
    <div class="bar" aria-hidden="true">
      <span class="fill" style={{ width: `${low}%` }} />
      {high > low && <span class="range" style={{ width: `${high - low}%` }} />}
      {high < 100 && <span class="unknown" style={{ width: `${100 - high}%` }} />}
    </div>
  );
}

function Chain({ name, chain }: { name: string; chain: ChainView }) {
  return (
    <li class="chain">
      <p>
        {name}
        {chain.hops.map(h => (
          <span key={h.claimId}>
            {' ← '}
            <strong>{h.owner.name}</strong> <span class="muted">({h.share})</span>
          </span>
        ))}
      </p>
      <p class="meta">
        {chain.effective ? t('effectiveStake', chain.effective) : t('effectiveUnknown')}
        {chain.assumesWhole ? ` · ${t('assumesWhole')}` : ''}
      </p>
      <ol class="hops meta">
        {chain.hops.map(h => (
          <li key={h.claimId}>
            {h.owner.name}: {h.share}, {t('asOf', formatDate(h.asOf))} · <Sources sources={h.sources} />
          </li>
        ))}
      </ol>
    </li>
  );
}

function Role({ role, today }: { role: RoleView; today: Date }) {
  return (
    <li class={role.end ? 'former' : undefined}>
      <div class="line">
        <strong>{role.role}</strong>
        {role.other && <span> — {role.other.name}</span>}
      </div>
      <Meta asOf={role.asOf} today={today} confidence={role.confidence} extra={period(role.start, role.end)}>
        <Sources sources={role.sources} />
      </Meta>
    </li>
  );
}

/** A policy item with its status history as a timeline, newest first. */
function Policy({ policy }: { policy: PolicyView }) {
  const ids = policy.identifiers.map(([k, v]) => `${k} ${v}`).join(' · ');
  return (
    <li>
      <div class="line">
        <strong>{policy.title}</strong>
      </div>
      <p class="meta">
        {kindLabel(policy.kind)} · {policy.jurisdiction} · {formatDate(policy.date)}
        {ids ? ` · ${ids}` : ''}
      </p>
      {policy.status.length > 0 && (
        <ol class="timeline">
          {policy.status.map((s, i) => (
            <li key={`${s.date}-${i}`} class={i === 0 ? 'status latest' : 'status'}>
              <time dateTime={s.date}>{formatDate(s.date)}</time> {s.status} <Sources sources={s.sources} />
            </li>
          ))}
        </ol>
      )}
      <p class="summary">{policy.summary}</p>
      <p class="meta">
        <Sources sources={policy.sources} />
      </p>
    </li>
  );
}

function OnPage({ items }: { items: OnPageView[] }) {
  return (
    <Section title={t('onThisPage')}>
      {items.map(o => (
        <li key={o.other.id}>
          <strong>{o.other.name}</strong> <span class="meta">— {o.how}</span>
        </li>
      ))}
    </Section>
  );
}

function Actions({
  card,
  today,
  onHide,
  copy,
}: {
  card: CardData;
  today: Date;
  onHide?: (() => void) | undefined;
  copy?: ((text: string) => Promise<void>) | undefined;
}) {
  const [message, setMessage] = useState('');
  const [fallback, setFallback] = useState('');
  const doCopy = () => {
    const text = citation(card, 'markdown', today);
    const write = copy ?? ((s: string) => navigator.clipboard.writeText(s));
    write(text).then(
      () => {
        setFallback('');
        setMessage(t('copied'));
      },
      () => {
        setFallback(text);
        setMessage(t('copyFailed'));
      },
    );
  };
  return (
    <div class="actions">
      <button type="button" onClick={doCopy}>
        {t('copyCitation')}
      </button>
      {onHide && (
        <button type="button" onClick={onHide}>
          {t('notThisEntity')}
        </button>
      )}
      <p class="meta" role="status" aria-live="polite">
        {message}
      </p>
      {fallback && <textarea readOnly rows={6} aria-label={t('copyCitation')} value={fallback} />}
    </div>
  );
}

function Meta(props: {
  asOf: string;
  today: Date;
  confidence?: string | undefined;
  extra?: string;
  children: preact.ComponentChildren;
}) {
  const stale = isStale(props.asOf, props.today);
  return (
    <p class="meta">
      {props.extra ? `${props.extra} · ` : ''}
      {t('asOf', formatDate(props.asOf))}
      {stale && <span class="warn"> · {t('overTwoYears')}</span>}
      {props.confidence === 'low' && <span class="warn"> · {t('lowConfidence')}</span>}
      {' · '}
      {props.children}
    </p>
  );
}

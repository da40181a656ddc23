/**
 * The entity card: who owns it, what it owns, roles and policy context, each
 * fact with its share, as-of date and sources. A pure component: data in,
 * markup out; every string is rendered as text.
 */
import type { CardData, PolicyView, RoleView, StakeView } from '../shared/card.ts';
import { formatDate, isStale, kindLabel, period, relationLabel } from './format.ts';
import { Sources } from './Sources.tsx';

export interface CardProps {
  card: CardData;
  /** Why this mention matched, in small print. */
  why?: string;
  today?: Date;
  onClose?: () => void;
}

export function Card({ card, why, today = new Date(), onClose }: CardProps) {
  const { entity } = card;
  const headingId = `stakes-card-title-${entity.id.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby={headingId} tabIndex={-1}>
      <header class="head">
        <div>
          <h2 id={headingId}>{entity.name}</h2>
          <p class="kind">
            {kindLabel(entity.kind)}
            {entity.country ? ` · ${entity.country}` : ''}
          </p>
        </div>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="description">{entity.description}</p>

      {card.ownedBy.length > 0 && (
        <Section title="Owned by">
          {card.ownedBy.map(s => (
            <Stake key={s.claimId} stake={s} side="owner" today={today} />
          ))}
        </Section>
      )}
      {card.owns.length > 0 && (
        <Section title="Owns">
          {card.owns.map(s => (
            <Stake key={s.claimId} stake={s} side="asset" today={today} />
          ))}
        </Section>
      )}
      {card.roles.length > 0 && (
        <Section title={entity.kind === 'person' ? 'Roles' : 'People'}>
          {card.roles.map(r => (
            <Role key={r.claimId} role={r} today={today} />
          ))}
        </Section>
      )}
      {card.policy.length > 0 && (
        <Section title="Policy context">
          {card.policy.map(p => (
            <Policy key={p.id} policy={p} />
          ))}
        </Section>
      )}
      {card.ownedBy.length + card.owns.length + card.roles.length + card.policy.length === 0 && (
        <p class="empty">No ownership, roles or policy items recorded for this entity yet.</p>
      )}
      <footer class="foot">
        {why && <p>{why}</p>}
        <p>
          Stakes dataset {card.dataset.version} · updated {formatDate(card.dataset.updated)}
          {isStale(card.dataset.updated, today) ? ' · over two years old' : ''}
        </p>
      </footer>
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

function Stake({ stake, side, today }: { stake: StakeView; side: 'owner' | 'asset'; today: Date }) {
  const relation = stake.relation === 'stake' ? undefined : side === 'owner' ? relationLabel(stake.relation) : stake.relation;
  const when = period(stake.start, stake.end);
  return (
    <li class={stake.end ? 'former' : undefined}>
      <div class="line">
        <strong>{stake.other.name}</strong>
        <span class="share">{stake.share ?? relation ?? 'share not disclosed'}</span>
      </div>
      {stake.low !== undefined && stake.high !== undefined && <ShareBar low={stake.low} high={stake.high} />}
      <Meta asOf={stake.asOf} today={today} confidence={stake.confidence} extra={stake.end ? `former · ${when}` : when}>
        <Sources sources={stake.sources} />
      </Meta>
    </li>
  );
}

function ShareBar({ low, high }: { low: number; high: number }) {
  return (
    <div class="bar" aria-hidden="true">
      <span class="fill" style={{ width: `${low}%` }} />
      {high > low && <span class="range" style={{ width: `${high - low}%` }} />}
    </div>
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

function Policy({ policy }: { policy: PolicyView }) {
  const latest = policy.status[0];
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
      {latest && (
        <p class="status">
          {latest.status} ({formatDate(latest.date)}) <Sources sources={latest.sources} />
        </p>
      )}
      <p class="summary">{policy.summary}</p>
      <p class="meta">
        <Sources sources={policy.sources} />
      </p>
    </li>
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
      {props.extra ? `${props.extra} · ` : ''}as of {formatDate(props.asOf)}
      {stale && <span class="warn"> · over two years old</span>}
      {props.confidence === 'low' && <span class="warn"> · low confidence</span>}
      {' · '}
      {props.children}
    </p>
  );
}

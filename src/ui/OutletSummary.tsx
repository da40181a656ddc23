/** Who owns the site being read: its owners, the chain above them, and links to the story. Pure. */
import type { OutletView } from '../shared/card.ts';
import { t } from './i18n.ts';
import { Sources } from './Sources.tsx';

export function OutletSummary({ outlet }: { outlet: OutletView }) {
  return (
    <div class="outlet">
      {outlet.owners.length === 0 ? (
        <p>{t('noOutletOwner', outlet.outlet.name)}</p>
      ) : (
        <>
          <p>{t('ownedByShare', outlet.outlet.name)}</p>
          <ul>
            {outlet.owners.map(o => (
              <li key={o.claimId}>
                <strong>{o.other.name}</strong>{' '}
                {o.share ?? (o.relation === 'stake' ? t('shareNotDisclosed') : o.relation)}
                {o.end ? ` (${t('until', o.end)})` : ''} <Sources sources={o.sources} />
              </li>
            ))}
          </ul>
        </>
      )}
      {outlet.chain.map(c => (
        <p key={c.hops.map(h => h.claimId).join()} class="muted">
          {[outlet.outlet.name, ...c.hops.map(h => h.owner.name)].join(' ← ')}
          {c.effective ? ` ≈ ${c.effective.replace(/^about /, '')}` : ''}
        </p>
      ))}
      {outlet.connected.length > 0 && (
        <p class="note">{t('connectedNote', outlet.connected.map(c => `${c.other.name} (${c.how})`).join('; '))}</p>
      )}
    </div>
  );
}

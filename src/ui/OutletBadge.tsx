/** The small badge on a page saying who owns the site, with a dismiss button. Pure. */
import type { OutletView } from '../shared/card.ts';
import { t } from './i18n.ts';

export function OutletBadge({ outlet, onDismiss }: { outlet: OutletView; onDismiss?: () => void }) {
  const owners = outlet.owners.filter(o => !o.end).map(o => (o.share ? `${o.other.name} (${o.share})` : o.other.name));
  const ultimate = outlet.chain.map(c => c.hops.at(-1)!.owner.name).filter(n => !owners.some(o => o.startsWith(n)));
  return (
    <aside class="badge" aria-label={t('badgeLabel')}>
      <p>
        <strong>{outlet.outlet.name}</strong>
        {owners.length > 0 ? ` ← ${owners.join(', ')}` : ''}
        {ultimate.length > 0 ? ` ← ${[...new Set(ultimate)].join(', ')}` : ''}
      </p>
      {outlet.connected.length > 0 && (
        <p class="note">{t('connectedNote', outlet.connected.map(c => `${c.other.name}: ${c.how}`).join('; '))}</p>
      )}
      <button type="button" class="dismiss" aria-label={t('dismiss')} title={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </aside>
  );
}

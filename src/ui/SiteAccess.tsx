/**
 * Which sites Stakes may read: the default news sites always; any other site only with the reader's
 * permission, asked for here (the browser shows its own prompt) and withdrawn here. Pure: the
 * permission calls are made by options-page.tsx, inside the click, as browsers require.
 */
import { t } from './i18n.ts';

export interface Access {
  /** Stakes may read every http(s) site. */
  everywhere: boolean;
  /** Further sites the reader allowed, as hosts ("example.org"). */
  sites: string[];
}

/** The permission origins for every site, and for one site with its subdomains. */
export const EVERYWHERE = ['http://*/*', 'https://*/*'];
export const originsFor = (site: string): string[] => [`http://*.${site}/*`, `https://*.${site}/*`];

/** Reads granted origins back into an Access. */
export function accessFrom(origins: readonly string[]): Access {
  const everywhere = EVERYWHERE.every(o => origins.includes(o));
  const sites = new Set<string>();
  for (const o of origins) {
    const m = /^(?:https?|\*):\/\/\*\.([^/]+)\/\*$/.exec(o);
    if (m?.[1]) sites.add(m[1]);
  }
  return { everywhere, sites: [...sites].sort() };
}

export interface SiteAccessProps {
  access: Access | null;
  /** Listed sites that are neither default news sites nor allowed yet. */
  pending: string[];
  onAllowEverywhere?: () => void;
  onAllowSites?: (sites: string[]) => void;
  onWithdraw?: () => void;
}

export function SiteAccess({ access, pending, onAllowEverywhere, onAllowSites, onWithdraw }: SiteAccessProps) {
  if (!access) return null;
  const extra = access.everywhere || access.sites.length > 0;
  return (
    <div class="access">
      <p class="muted" role="status">
        {access.everywhere
          ? t('accessEverywhere')
          : access.sites.length > 0
            ? t('accessSites', access.sites.join(', '))
            : t('accessDefault')}
      </p>
      <p class="buttons">
        {!access.everywhere && (
          <button type="button" onClick={onAllowEverywhere}>
            {t('allowEverywhere')}
          </button>
        )}
        {!access.everywhere && pending.length > 0 && (
          <button type="button" onClick={() => onAllowSites?.(pending)}>
            {t('allowListed', pending.join(', '))}
          </button>
        )}
        {extra && (
          <button type="button" onClick={onWithdraw}>
            {t('withdrawAccess')}
          </button>
        )}
      </p>
    </div>
  );
}

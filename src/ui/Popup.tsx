/**
 * The toolbar popup: this page's entities, who owns the site, on/off for the
 * site, pause everywhere, links to the overview and options, and the
 * dataset's version and age. Pure: data and callbacks in, markup out.
 */
import type { PageInfo, StatusReply } from '../shared/messages.ts';
import { siteOn, type Settings } from '../shared/settings.ts';
import { formatDate, isStale } from './format.ts';
import { t, uiLanguage } from './i18n.ts';
import { OutletSummary } from './OutletSummary.tsx';

export interface PopupProps {
  status: StatusReply | null;
  /** The active tab's page, or null when Stakes has no report for it. */
  page: PageInfo | null;
  /** The active tab's host name, '' when it is not a web page. */
  host: string;
  settings: Settings;
  today?: Date;
  onSite?: (on: boolean) => void;
  onPause?: (paused: boolean) => void;
  onOptions?: () => void;
  onOverview?: () => void;
  onJump?: (entityId: string) => void;
}

export function Popup({
  status,
  page,
  host,
  settings,
  today = new Date(),
  onSite,
  onPause,
  onOptions,
  onOverview,
  onJump,
}: PopupProps) {
  const entities = page?.active ? page.entities : [];
  return (
    <>
      <h1>Stakes</h1>
      <p>{t('popupIntro')}</p>
      {host ? (
        <section aria-labelledby="stakes-page-h">
          <h2 id="stakes-page-h">{t('thisPage')}</h2>
          <p>{entities.length > 0 ? t('entitiesCount', String(entities.length)) : t('noEntities')}</p>
          {entities.length > 0 && (
            <ul class="entities">
              {entities.map(e => (
                <li key={e.id}>
                  <button type="button" class="link" onClick={() => onJump?.(e.id)} aria-label={t('jumpTo', e.name)}>
                    {e.name}
                  </button>
                  <span class="muted"> ×{e.mentions}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <p>{t('notAPage')}</p>
      )}
      {page?.outlet && (
        <section aria-labelledby="stakes-outlet-h">
          <h2 id="stakes-outlet-h">{t('siteOwner')}</h2>
          <OutletSummary outlet={page.outlet} />
        </section>
      )}
      <section class="controls">
        {host && (
          <label>
            <input type="checkbox" checked={siteOn(settings, host)} onChange={e => onSite?.(e.currentTarget.checked)} />{' '}
            {t('siteOn', host.replace(/^www\./, ''))}
          </label>
        )}
        <label>
          <input type="checkbox" checked={settings.paused} onChange={e => onPause?.(e.currentTarget.checked)} />{' '}
          {t('pauseEverywhere')}
        </label>
        <p class="buttons">
          {onOverview && (
            <button type="button" onClick={onOverview}>
              {t('openOverview')}
            </button>
          )}
          <button type="button" onClick={onOptions}>
            {t('openOptions')}
          </button>
        </p>
      </section>
      <DatasetLine status={status} today={today} />
    </>
  );
}

export function DatasetLine({ status, today }: { status: StatusReply | null; today: Date }) {
  if (!status) return <p class="muted">{t('loadingDataset')}</p>;
  const lang = uiLanguage();
  return (
    <p class="muted">
      {t(
        'datasetSummary',
        status.version,
        formatDate(status.updated) + (isStale(status.updated, today) ? ` (${t('overTwoYears')})` : ''),
        status.entities.toLocaleString(lang),
        status.names.toLocaleString(lang),
      )}
      {status.packs ? ` ${t('packsInUse', String(status.packs))}` : ''}
    </p>
  );
}

/**
 * The options page: where Stakes runs, what it underlines, how cards open,
 * the underline style, the outlet badge, the dataset, the reader's
 * corrections and a reset. Pure: settings and callbacks in, markup out;
 * every change is saved at once by the page (options-page.tsx).
 */
import type { ImportReply, PackInfo, PackSourceInput, StatusReply } from '../shared/messages.ts';
import { DEFAULT_NEWS_SITES, type Settings } from '../shared/settings.ts';
import { t } from './i18n.ts';
import { Packs } from './Packs.tsx';
import { SiteAccess, type Access } from './SiteAccess.tsx';
import { DatasetLine } from './Popup.tsx';

export interface OptionsProps {
  settings: Settings;
  status: StatusReply | null;
  /** What the last action did, announced politely. */
  message?: string;
  today?: Date;
  onChange?: (next: Settings) => void;
  onExport?: () => void;
  onClearCorrections?: () => void;
  onReset?: () => void;
  /** The reader's imported data packs (null while loading). */
  packs?: PackInfo[] | null;
  importResult?: ImportReply | null;
  importing?: boolean;
  onImport?: (file: File, source?: PackSourceInput) => void;
  onRemovePack?: (name: string) => void;
  /** The sites Stakes may read beyond the default news sites (null while loading). */
  access?: Access | null;
  onAllowEverywhere?: () => void;
  onAllowSites?: (sites: string[]) => void;
  onWithdraw?: () => void;
}

export function Options({
  settings: s,
  status,
  message = '',
  today = new Date(),
  onChange,
  onExport,
  onClearCorrections,
  onReset,
  packs = null,
  importResult = null,
  importing = false,
  onImport,
  onRemovePack,
  access = null,
  onAllowEverywhere,
  onAllowSites,
  onWithdraw,
}: OptionsProps) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange?.({ ...s, [key]: value });
  const hiddenCount = Object.values(s.hidden).reduce((n, ids) => n + ids.length, 0);
  const covered = (site: string, list: readonly string[]) => list.some(x => site === x || site.endsWith(`.${x}`));
  const pending = access
    ? s.sites.filter(site => !covered(site, DEFAULT_NEWS_SITES) && !covered(site, access.sites))
    : [];
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <fieldset>
        <legend>{t('sitesLegend')}</legend>
        <label>
          <input type="radio" name="where" checked={s.where === 'all'} onChange={() => set('where', 'all')} />{' '}
          {t('sitesAll')}
        </label>
        <label>
          <input type="radio" name="where" checked={s.where === 'listed'} onChange={() => set('where', 'listed')} />{' '}
          {t('sitesListed')}
        </label>
        <textarea
          id="sites"
          aria-label={t('sitesListed')}
          rows={6}
          disabled={s.where !== 'listed'}
          value={s.sites.join('\n')}
          onChange={e =>
            set(
              'sites',
              e.currentTarget.value
                .split(/\s+/)
                .map(x =>
                  x
                    .trim()
                    .toLowerCase()
                    .replace(/^www\./, ''),
                )
                .filter(x => /^[a-z0-9.-]+$/.test(x)),
            )
          }
        />
        <SiteAccess
          access={access}
          pending={pending}
          {...(onAllowEverywhere ? { onAllowEverywhere } : {})}
          {...(onAllowSites ? { onAllowSites } : {})}
          {...(onWithdraw ? { onWithdraw } : {})}
        />
        {s.disabledSites.length > 0 && (
          <div>
            <p>{t('disabledSites')}</p>
            <ul>
              {s.disabledSites.map(site => (
                <li key={site}>
                  {site}{' '}
                  <button
                    type="button"
                    onClick={() =>
                      set(
                        'disabledSites',
                        s.disabledSites.filter(x => x !== site),
                      )
                    }
                  >
                    {t('turnOn', site)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('whatLegend')}</legend>
        <Check label={t('underlinePeople')} checked={s.underlinePeople} onChange={v => set('underlinePeople', v)} />
        <Check
          label={t('underlineCompanies')}
          checked={s.underlineCompanies}
          onChange={v => set('underlineCompanies', v)}
        />
        <Check label={t('onlyWithStakes')} checked={s.onlyWithStakes} onChange={v => set('onlyWithStakes', v)} />
      </fieldset>

      <fieldset>
        <legend>{t('mentionsLegend')}</legend>
        <label>
          <input
            type="radio"
            name="mentions"
            checked={!s.firstMentionOnly}
            onChange={() => set('firstMentionOnly', false)}
          />{' '}
          {t('allMentions')}
        </label>
        <label>
          <input
            type="radio"
            name="mentions"
            checked={s.firstMentionOnly}
            onChange={() => set('firstMentionOnly', true)}
          />{' '}
          {t('firstMention')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('openLegend')}</legend>
        <label>
          <input type="radio" name="open" checked={s.openOn === 'click'} onChange={() => set('openOn', 'click')} />{' '}
          {t('openClick')}
        </label>
        <label>
          <input type="radio" name="open" checked={s.openOn === 'hover'} onChange={() => set('openOn', 'hover')} />{' '}
          {t('openHover')}
        </label>
        <label>
          {t('hoverDelay')}{' '}
          <input
            type="number"
            min={100}
            max={3000}
            step={100}
            disabled={s.openOn !== 'hover'}
            value={s.hoverDelayMs}
            onChange={e => {
              const n = Math.round(Number(e.currentTarget.value));
              if (n >= 100 && n <= 3000) set('hoverDelayMs', n);
            }}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('styleLegend')}</legend>
        {(['solid', 'dotted', 'wavy', 'background'] as const).map(style => (
          <label key={style}>
            <input
              type="radio"
              name="style"
              checked={s.underlineStyle === style}
              onChange={() => set('underlineStyle', style)}
            />{' '}
            <span class={`sample sample-${style}`}>{t(STYLE_LABELS[style])}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('badgeLegend')}</legend>
        <Check label={t('showBadge')} checked={s.showOutletBadge} onChange={v => set('showOutletBadge', v)} />
      </fieldset>

      <fieldset>
        <legend>{t('dataLegend')}</legend>
        <DatasetLine status={status} today={today} />
      </fieldset>

      <Packs
        packs={packs}
        result={importResult}
        busy={importing}
        {...(onImport ? { onImport } : {})}
        {...(onRemovePack ? { onRemove: onRemovePack } : {})}
      />

      <fieldset>
        <legend>{t('correctionsLegend')}</legend>
        <p>{t('correctionsCount', String(hiddenCount))}</p>
        <p class="buttons">
          <button type="button" onClick={onExport}>
            {t('exportCorrections')}
          </button>
          <button type="button" onClick={onClearCorrections} disabled={hiddenCount === 0}>
            {t('clearCorrections')}
          </button>
        </p>
      </fieldset>

      <p class="buttons">
        <button type="button" onClick={onReset}>
          {t('reset')}
        </button>
      </p>
      <p role="status" aria-live="polite" class="muted">
        {message}
      </p>
    </>
  );
}

const STYLE_LABELS = {
  solid: 'styleSolid',
  dotted: 'styleDotted',
  wavy: 'styleWavy',
  background: 'styleBackground',
} as const;

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={e => onChange(e.currentTarget.checked)} /> {label}
    </label>
  );
}

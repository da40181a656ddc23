/**
 * The reader's settings: one valibot schema, its defaults, and migration
 * from older stored versions. Pure (no browser APIs): the storage side is
 * settings-store.ts. Anything unreadable becomes the defaults, field by
 * field where possible, so a corrupt value never stops the extension.
 */
import * as v from 'valibot';

export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';

/** News sites Stakes runs on when the reader chooses "listed sites only". */
export const DEFAULT_NEWS_SITES = [
  'apnews.com',
  'bbc.co.uk',
  'bbc.com',
  'bloomberg.com',
  'cnn.com',
  'economist.com',
  'ft.com',
  'theguardian.com',
  'inquirer.com',
  'nbcnews.com',
  'npr.org',
  'nytimes.com',
  'politico.com',
  'reuters.com',
  'washingtonpost.com',
  'wsj.com',
];

const Host = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9.-]+$/));

export const SettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  /** Pause everywhere. */
  paused: v.boolean(),
  /** "all": every http(s) page; "listed": only `sites`. */
  where: v.picklist(['all', 'listed']),
  sites: v.array(Host),
  /** Sites the reader turned off from the popup. */
  disabledSites: v.array(Host),
  underlinePeople: v.boolean(),
  underlineCompanies: v.boolean(),
  /** Only entities with ownership or corporate links in the dataset. */
  onlyWithStakes: v.boolean(),
  firstMentionOnly: v.boolean(),
  openOn: v.picklist(['click', 'hover']),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(3000)),
  underlineStyle: v.picklist(['solid', 'dotted', 'wavy', 'background']),
  /** "Not this entity": wrong matches the reader hid, by page URL (no fragment). */
  hidden: v.record(v.string(), v.array(v.string())),
  /** The outlet badge was dismissed on these hosts. */
  badgeDismissed: v.array(Host),
  showOutletBadge: v.boolean(),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    paused: false,
    where: 'all',
    sites: [...DEFAULT_NEWS_SITES],
    disabledSites: [],
    underlinePeople: true,
    underlineCompanies: true,
    onlyWithStakes: false,
    firstMentionOnly: false,
    openOn: 'click',
    hoverDelayMs: 500,
    underlineStyle: 'solid',
    hidden: {},
    badgeDismissed: [],
    showOutletBadge: true,
  };
}

/**
 * Turns whatever is stored into valid current settings:
 * - nothing or not an object → defaults;
 * - version 1 (`enabled`, `blockedSites`) → version 2;
 * - each field that fails the schema falls back to its default.
 */
export function migrateSettings(stored: unknown): Settings {
  const defaults = defaultSettings();
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return defaults;
  let raw: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  if (raw.version === 1 || raw.version === undefined) raw = fromV1(raw);
  const out: Record<string, unknown> = { ...defaults };
  const entries = SettingsSchema.entries as Record<string, v.GenericSchema>;
  for (const key of Object.keys(entries)) {
    if (key === 'version' || !(key in raw)) continue;
    const result = v.safeParse(entries[key]!, raw[key]);
    if (result.success) out[key] = result.output;
  }
  return v.parse(SettingsSchema, out);
}

/** Version 1 stored `enabled` (true = running) and `blockedSites`. */
function fromV1(raw: Record<string, unknown>): Record<string, unknown> {
  const { enabled, blockedSites, ...rest } = raw;
  const out: Record<string, unknown> = { ...rest, version: SETTINGS_VERSION };
  if (typeof enabled === 'boolean') out.paused = !enabled;
  if (Array.isArray(blockedSites)) out.disabledSites = blockedSites;
  return out;
}

/** "www.example.com" → "example.com". */
export function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function hostIn(host: string, list: readonly string[]): boolean {
  const h = siteOf(host);
  return list.some(site => h === site || h.endsWith(`.${site}`));
}

/** Whether Stakes should underline on a page of this host. */
export function activeOn(settings: Settings, host: string): boolean {
  if (settings.paused || hostIn(host, settings.disabledSites)) return false;
  return settings.where === 'all' || hostIn(host, settings.sites);
}

/** Whether this site is on (ignoring the global pause). */
export function siteOn(settings: Settings, host: string): boolean {
  return !hostIn(host, settings.disabledSites) && (settings.where === 'all' || hostIn(host, settings.sites));
}

/** The settings with this site turned on or off. */
export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const site = siteOf(host);
  const disabledSites = settings.disabledSites.filter(s => s !== site);
  const sites = [...settings.sites];
  if (!on) disabledSites.push(site);
  else if (settings.where === 'listed' && !hostIn(site, sites)) sites.push(site);
  return { ...settings, disabledSites, sites };
}

/** The key for "not this entity": the page URL without its fragment. */
export function pageKey(url: string): string {
  return url.replace(/#.*$/, '');
}

/** Which mentions to underline, given the settings and the hidden entities of this page. */
export function keepMention(
  settings: Settings,
  mention: { entityId: string; kind: string; stakes?: boolean },
  hidden: readonly string[],
): boolean {
  if (hidden.includes(mention.entityId)) return false;
  if (mention.kind === 'person' && !settings.underlinePeople) return false;
  if (mention.kind !== 'person' && !settings.underlineCompanies) return false;
  if (settings.onlyWithStakes && !mention.stakes) return false;
  return true;
}

/** The reader's corrections, for export. */
export function exportCorrections(settings: Settings): string {
  const hidden = Object.entries(settings.hidden)
    .filter(([, ids]) => ids.length > 0)
    .map(([url, entities]) => ({ url, entities }));
  return JSON.stringify({ type: 'stakes-corrections', version: 1, notThisEntity: hidden }, null, 2) + '\n';
}

/**
 * The reader's side of a page session: their settings (where to run, what to
 * underline, how cards open), "not this entity" corrections, the report to
 * the background (count on the toolbar icon, the site's owner) and the
 * outlet badge. Everything it adds to the page is removed by `destroy()`.
 */
import { ask, browser } from '../shared/browser.ts';
import type { FoundMention, PageEntity } from '../shared/messages.ts';
import { activeOn, keepMention, pageKey, siteOf, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { OutletBadgeHost } from './outlet-badge.ts';

export const STYLE_ATTR = 'data-stakes-style';

export class Reader {
  private unsubscribe: () => void = () => {};
  private readonly badge: OutletBadgeHost;

  private constructor(
    private readonly doc: Document,
    public settings: Settings,
  ) {
    this.badge = new OutletBadgeHost(doc, () => {
      void updateSettings(s => ({ ...s, badgeDismissed: [...s.badgeDismissed, siteOf(this.host)] }));
    });
  }

  static async create(doc: Document): Promise<Reader> {
    return new Reader(doc, await loadSettings());
  }

  /** Calls back when the settings change (after `settings` is updated). */
  listen(callback: () => void): void {
    this.unsubscribe = onSettingsChanged(s => {
      this.settings = s;
      callback();
    });
  }

  get host(): string {
    return this.doc.location?.hostname ?? '';
  }

  get url(): string {
    return pageKey(this.doc.location?.href ?? '');
  }

  get active(): boolean {
    return activeOn(this.settings, this.host);
  }

  /** The mentions to underline under the current settings. */
  filter(mentions: readonly FoundMention[]): FoundMention[] {
    const hidden = this.settings.hidden[this.url] ?? [];
    const kept = mentions.filter(m => keepMention(this.settings, m, hidden));
    if (!this.settings.firstMentionOnly) return kept;
    const seen = new Set<string>();
    return kept.filter(m => !seen.has(m.entityId) && !!seen.add(m.entityId));
  }

  /** Marks carry the underline style the reader chose. */
  decorate(marks: readonly HTMLElement[]): void {
    for (const mark of marks) mark.setAttribute(STYLE_ATTR, this.settings.underlineStyle);
  }

  /** Tells the background what is underlined (count on the icon) and shows the site owner's badge. */
  async report(mentions: readonly FoundMention[]): Promise<void> {
    const byId = new Map<string, PageEntity>();
    for (const m of this.active ? mentions : []) {
      const e = byId.get(m.entityId) ?? { id: m.entityId, name: m.name, kind: m.kind, mentions: 0 };
      e.mentions++;
      byId.set(m.entityId, e);
    }
    const { outlet } = await ask({
      type: 'page',
      url: this.doc.location?.href ?? '',
      active: this.active,
      entities: [...byId.values()],
    });
    const show =
      outlet &&
      this.active &&
      this.settings.showOutletBadge &&
      !this.settings.badgeDismissed.includes(siteOf(this.host));
    if (show) this.badge.show(outlet);
    else this.badge.hide();
  }

  /** "Not this entity": hide it on this page, remembered in local storage. */
  async hideEntity(entityId: string): Promise<void> {
    const url = this.url;
    await updateSettings(s => {
      const list = s.hidden[url] ?? [];
      return list.includes(entityId) ? s : { ...s, hidden: { ...s.hidden, [url]: [...list, entityId] } };
    });
  }

  destroy(): void {
    this.unsubscribe();
    this.badge.hide();
  }
}

/** Listens for the extension's own messages to this tab (from the overview and keyboard commands). */
export function onTabMessage(callback: (message: unknown) => void): () => void {
  let stopped = false;
  const listener = (message: unknown, sender: { id?: string }) => {
    if (!stopped && sender.id === browser.runtime.id) callback(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => {
    stopped = true;
    // Not at once: removing a listener while Firefox dispatches a message (the toggle that turns
    // Stakes off) breaks the reply of the listener that is answering it.
    setTimeout(() => browser.runtime.onMessage.removeListener(listener), 0);
  };
}

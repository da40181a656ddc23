/**
 * Background (Chrome service worker / Firefox event page): owns the dataset.
 *
 *   page (content script) --match{text}--> background: mentions with offsets
 *   page --card{id, page}--> background: the entity's card data
 *   page --page{url, entities}--> background: remembered per tab, count on the
 *        toolbar icon; reply: the outlet that owns the site
 *   popup / overview --pageInfo{tabId}--> background: that tab's entities,
 *        outlet and the links between its entities
 *
 *   options --importPack{name, text} / removePack{name} / packs--> background:
 *        the reader's data packs (kept in IndexedDB, see data-service.ts)
 *
 * The dataset (bundled data plus the reader's packs) is loaded lazily the first
 * time a request arrives after the background wakes, the name index first (all
 * that matching needs; see data-service.ts), and kept until the browser stops
 * the background. Tab
 * reports live in memory and in storage.session (so a restarted service
 * worker still knows them). Listeners are registered synchronously at top
 * level, as MV3 requires.
 */
import type { Dataset } from '../data/dataset.ts';
import { browser, type Runtime } from '../shared/browser.ts';
import { isRequest, type PageInfo, type Request } from '../shared/messages.ts';
import { DataService } from './data-service.ts';
import { matchText } from './engine.ts';
import { indexedDbPackStore, memoryPackStore } from './pack-store.ts';
import { injectIntoOpenTabs, syncGrantedSites } from './site-access.ts';
import { pageLinks } from './page-links.ts';
import { updateSettings } from '../shared/settings-store.ts';

const data = new DataService(
  {
    dataset: () => fetch(browser.runtime.getURL('data/dataset.json')).then(r => r.json() as Promise<Dataset>),
    index: () => fetch(browser.runtime.getURL('data/index.bin')).then(r => r.arrayBuffer()),
  },
  typeof indexedDB === 'undefined' ? memoryPackStore() : indexedDbPackStore(),
);

/** Whether a message comes from one of our own extension pages (options, popup), not a web page's tab. */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

type TabReport = Omit<PageInfo, 'outlet' | 'links'>;
const tabs = new Map<number, TabReport>();
const sessionKey = (tabId: number) => `tab:${tabId}`;

async function tabReport(tabId: number): Promise<TabReport | undefined> {
  const known = tabs.get(tabId);
  if (known) return known;
  try {
    const stored = await browser.storage.session.get(sessionKey(tabId));
    return stored[sessionKey(tabId)] as TabReport | undefined;
  } catch {
    return undefined;
  }
}

async function handle(message: Request, sender: Runtime.MessageSender): Promise<unknown> {
  if (message.type === 'importPack' || message.type === 'removePack' || message.type === 'packs') {
    if (!fromExtensionPage(sender)) throw new Error('data packs are managed from the options page only');
    if (message.type === 'importPack') {
      const { name, text, source } = message;
      return data.importPack(source ? { name, text, source } : { name, text });
    }
    if (message.type === 'removePack') return { packs: await data.removePack(message.name) };
    return { packs: await data.packs() };
  }
  // Matching needs the name index only: it is answered before the rest of the dataset is read.
  if (message.type === 'match') return { mentions: matchText(await data.index(), message.text) };
  const e = await data.engine();
  if (message.type === 'status') {
    const packs = (await data.packs()).filter(p => p.loaded).length;
    return { ...e.handle(message), packs };
  }
  if (message.type === 'page') {
    const tabId = sender.tab?.id;
    const url = sender.url ?? message.url;
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      /* not a URL: no outlet */
    }
    const ids = message.entities.map(x => x.id);
    if (tabId !== undefined) {
      const report: TabReport = { tabId, url, host, active: message.active, entities: message.entities };
      tabs.set(tabId, report);
      void browser.storage.session?.set({ [sessionKey(tabId)]: report }).catch(() => undefined);
      const count = message.entities.length;
      void browser.action.setBadgeText({ tabId, text: message.active && count > 0 ? String(count) : '' });
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#1f4e8c' }).catch(() => undefined);
    }
    return { outlet: host ? e.cards.outletFor(host, ids) : null };
  }
  if (message.type === 'pageInfo') {
    const report = await tabReport(message.tabId);
    if (!report) return { page: null };
    const ids = report.entities.map(x => x.id);
    const page: PageInfo = {
      ...report,
      outlet: report.host ? e.cards.outletFor(report.host, ids) : null,
      links: pageLinks(e.cards, ids),
    };
    return { page };
  }
  return e.handle(message);
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only our own extension's pages and content scripts can message us; check the shape anyway.
  if (sender.id !== browser.runtime.id || !isRequest(message)) return undefined;
  return handle(message, sender);
});

browser.tabs.onRemoved.addListener(tabId => {
  tabs.delete(tabId);
  void browser.storage.session?.remove(sessionKey(tabId)).catch(() => undefined);
});

// Keyboard shortcuts (manifest "commands"): toggle highlights everywhere; step through mentions.
browser.commands.onCommand.addListener(command => {
  if (command === 'toggle-highlights') {
    void updateSettings(s => ({ ...s, paused: !s.paused }));
    return;
  }
  const step = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
  if (step === 0) return;
  void browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) => {
      if (tab?.id !== undefined) return browser.tabs.sendMessage(tab.id, { type: 'stakes:step', step });
      return undefined;
    })
    .catch(() => undefined);
});

// Sites beyond the default news sites: the content script follows the reader's permissions.
let syncing: Promise<unknown> = Promise.resolve();
const syncSites = (): void => {
  syncing = syncing.then(() => syncGrantedSites(browser)).catch(() => undefined);
};
browser.runtime.onInstalled.addListener(syncSites);
browser.runtime.onStartup.addListener(syncSites);
browser.permissions.onAdded.addListener(added => {
  syncSites();
  syncing = syncing.then(() => injectIntoOpenTabs(browser, added.origins ?? [])).catch(() => undefined);
});
browser.permissions.onRemoved.addListener(syncSites);

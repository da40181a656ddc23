/**
 * The overview page (side panel / sidebar): follows the active tab, asks the
 * background for its page, and sends "jump to" to the tab's content script.
 */
import { render } from 'preact';

import { ask, browser } from '../shared/browser.ts';
import type { PageInfo } from '../shared/messages.ts';
import { t } from './i18n.ts';
import { Overview } from './Overview.tsx';

const app = document.getElementById('app')!;
document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';
document.title = t('overviewTitle');

let tabId: number | undefined;
let page: PageInfo | null = null;

function draw(): void {
  render(
    <Overview
      page={page}
      onJump={id => {
        if (tabId !== undefined)
          void browser.tabs.sendMessage(tabId, { type: 'stakes:jump', entityId: id }).catch(() => undefined);
      }}
    />,
    app,
  );
}

let refreshes = 0;

async function refresh(): Promise<void> {
  const mine = ++refreshes;
  const param = new URLSearchParams(location.search).get('tab');
  const id = param ? Number(param) : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const info = id === undefined ? null : (await ask({ type: 'pageInfo', tabId: id })).page;
  // Answers can come back out of order (another tab was activated meanwhile): the latest one wins.
  if (mine !== refreshes) return;
  tabId = id;
  page = info;
  draw();
}

draw();
void refresh();
browser.tabs.onActivated.addListener(() => void refresh());
browser.tabs.onUpdated.addListener((id, change) => {
  if (id === tabId && change.status === 'complete') setTimeout(() => void refresh(), 500);
});
browser.storage.onChanged.addListener(() => setTimeout(() => void refresh(), 400));

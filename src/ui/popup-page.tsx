/** The toolbar popup's page: gathers the data and wires the Popup's callbacks to the browser. */
import { render } from 'preact';

import { ask, browser } from '../shared/browser.ts';
import type { PageInfo, StatusReply } from '../shared/messages.ts';
import { type Settings, withSite } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { t } from './i18n.ts';
import { openOverview } from './overview-open.ts';
import { Popup } from './Popup.tsx';

const app = document.getElementById('app')!;
document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';

/** The tab the popup is about: ?tab=<id> (tests, the overview), else the active tab. */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

let status: StatusReply | null = null;
let page: PageInfo | null = null;
let settings: Settings;
let tabId: number | undefined;

function draw(): void {
  const host = page?.host ?? '';
  render(
    <Popup
      status={status}
      page={page}
      host={host}
      settings={settings}
      onSite={on => void updateSettings(s => withSite(s, host, on))}
      onPause={paused => void updateSettings(s => ({ ...s, paused }))}
      onOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      onOverview={openOverview(tabId)}
      onJump={id => {
        if (tabId !== undefined)
          void browser.tabs.sendMessage(tabId, { type: 'stakes:jump', entityId: id }).catch(() => undefined);
      }}
    />,
    app,
  );
}

async function refreshPage(): Promise<void> {
  if (tabId === undefined) return;
  page = (await ask({ type: 'pageInfo', tabId })).page;
}

async function main(): Promise<void> {
  settings = await loadSettings();
  tabId = await targetTab();
  draw();
  [status] = await Promise.all([ask({ type: 'status' }), refreshPage()]);
  draw();
  onSettingsChanged(s => {
    settings = s;
    draw();
    // The page re-applies its highlights, then reports again.
    setTimeout(() => void refreshPage().then(draw), 300);
  });
}

main().catch(() => render(<p>{t('datasetFailed')}</p>, app));

/**
 * The options page: loads the settings and saves every change at once, exports corrections, imports
 * and removes data packs (through the background), and asks for or withdraws the permission to read
 * sites beyond the default news sites.
 */
import { render } from 'preact';

import { ask, browser } from '../shared/browser.ts';
import { grantedBeyond } from '../shared/origins.ts';
import type { ImportReply, PackInfo, PackSourceInput, StatusReply } from '../shared/messages.ts';
import { defaultSettings, exportCorrections, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store.ts';
import { t } from './i18n.ts';
import { Options } from './Options.tsx';
import { accessFrom, EVERYWHERE, originsFor, type Access } from './SiteAccess.tsx';

const app = document.getElementById('app')!;
document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';
document.title = t('optionsTitle');

let settings: Settings;
let status: StatusReply | null = null;
let message = '';
let packs: PackInfo[] | null = null;
let importResult: ImportReply | null = null;
let importing = false;
let access: Access | null = null;

function draw(): void {
  render(
    <Options
      settings={settings}
      status={status}
      message={message}
      onChange={next => save(next, t('saved'))}
      onExport={() => {
        const blob = new Blob([exportCorrections(settings)], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'stakes-corrections.json';
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      }}
      onClearCorrections={() => save({ ...settings, hidden: {} }, t('saved'))}
      onReset={() => save(defaultSettings(), t('resetDone'))}
      packs={packs}
      importResult={importResult}
      importing={importing}
      onImport={(file, source) => void importPack(file, source)}
      onRemovePack={name => void removePack(name)}
      access={access}
      onAllowEverywhere={() => void changeAccess(browser.permissions.request({ origins: EVERYWHERE }))}
      onAllowSites={sites => void changeAccess(browser.permissions.request({ origins: sites.flatMap(originsFor) }))}
      onWithdraw={() => void withdraw()}
    />,
    app,
  );
}

function save(next: Settings, done: string): void {
  settings = next;
  message = '';
  draw();
  saveSettings(next).then(
    () => {
      message = done;
      draw();
    },
    () => undefined,
  );
}

async function importPack(file: File, source?: PackSourceInput): Promise<void> {
  importing = true;
  importResult = null;
  message = '';
  draw();
  try {
    const text = await file.text();
    importResult = await ask({ type: 'importPack', name: file.name, text, ...(source ? { source } : {}) });
  } catch (error) {
    importResult = { ok: false, problems: [t('packReadError', String(error))], skipped: {} };
  }
  importing = false;
  if (importResult.ok) await refresh();
  draw();
}

async function removePack(name: string): Promise<void> {
  packs = (await ask({ type: 'removePack', name })).packs;
  importResult = null;
  message = t('packRemoved');
  status = await ask({ type: 'status' });
  draw();
}

/** The origins the reader granted, beyond the manifest's own content-script sites. */
async function extraOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return grantedBeyond(browser.runtime.getManifest(), origins);
}

async function readAccess(): Promise<void> {
  access = accessFrom(await extraOrigins());
}

/** A permission request must start inside the click (the browser refuses it otherwise): `request` is that call. */
async function changeAccess(request: Promise<boolean>): Promise<void> {
  let granted = false;
  try {
    granted = await request;
  } catch {
    granted = false;
  }
  message = granted ? t('accessGranted') : t('accessRefused');
  await readAccess();
  draw();
}

async function withdraw(): Promise<void> {
  await browser.permissions.remove({ origins: await extraOrigins() });
  message = t('accessWithdrawn');
  await readAccess();
  draw();
}

async function refresh(): Promise<void> {
  await readAccess().catch(() => undefined);
  [status, { packs }] = await Promise.all([ask({ type: 'status' }), ask({ type: 'packs' })]);
}

async function main(): Promise<void> {
  settings = await loadSettings();
  draw();
  await refresh();
  draw();
  onSettingsChanged(s => {
    settings = s;
    draw();
  });
}

void main();

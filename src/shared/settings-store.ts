/**
 * Reads and writes the reader's settings in extension storage (local to this
 * browser profile; never synced, never sent anywhere). Stored values are
 * migrated on every read, and written back in the current version.
 */
import { browser } from './browser.ts';
import { migrateSettings, SETTINGS_KEY, type Settings } from './settings.ts';

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return migrateSettings(stored[SETTINGS_KEY]);
  } catch {
    return migrateSettings(undefined);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: migrateSettings(settings) });
}

/** Applies a change to the current stored settings and saves them. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/** Calls back with the new settings whenever they change; returns the unsubscribe function. */
export function onSettingsChanged(callback: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(migrateSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

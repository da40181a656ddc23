/**
 * Where the content script runs. The manifest lists the default news sites; any other site needs
 * the reader's permission (optional host permissions, asked for from the options page). For every
 * origin the reader granted, the background registers the same content script dynamically, and
 * keeps that registration in step when permissions are added or withdrawn.
 */
import type { Manifest, Permissions, Scripting } from '../shared/browser.ts';
import { grantedBeyond } from '../shared/origins.ts';

export const GRANTED_SCRIPT_ID = 'stakes-granted-sites';

/** The parts of the extension API this needs (the real `browser`, or a stand-in in tests). */
export interface SiteAccessApi {
  tabs?: { query(query: { url: string[] }): Promise<{ id?: number }[]> };
  runtime: { getManifest(): Manifest.WebExtensionManifest };
  permissions: { getAll(): Promise<Permissions.AnyPermissions> };
  scripting: {
    getRegisteredContentScripts(filter?: Scripting.ContentScriptFilter): Promise<Scripting.RegisteredContentScript[]>;
    registerContentScripts(scripts: Scripting.RegisteredContentScript[]): Promise<void>;
    executeScript?(injection: Scripting.ScriptInjection): Promise<unknown>;
    insertCSS?(injection: Scripting.CSSInjection): Promise<void>;
    unregisterContentScripts(filter?: Scripting.ContentScriptFilter): Promise<void>;
  };
}

/** The origins the reader granted beyond the manifest's own content-script sites. */
export async function grantedOrigins(api: SiteAccessApi): Promise<string[]> {
  const { origins = [] } = await api.permissions.getAll();
  return grantedBeyond(api.runtime.getManifest(), origins);
}

/** Registers the content script for exactly the granted origins (none: no registration). */
export async function syncGrantedSites(api: SiteAccessApi): Promise<string[]> {
  const extra = await grantedOrigins(api);
  const ids = [GRANTED_SCRIPT_ID];
  const registered = await api.scripting.getRegisteredContentScripts({ ids });
  if (registered.length > 0) await api.scripting.unregisterContentScripts({ ids });
  if (extra.length > 0) {
    await api.scripting.registerContentScripts([
      {
        id: GRANTED_SCRIPT_ID,
        matches: extra,
        js: ['content.js'],
        css: ['content.css'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return extra;
}

/**
 * Runs the content script in the open tabs of newly granted origins, so the page the reader is on
 * is read at once, without a reload. Injecting into a tab that already has it is harmless (the
 * content script checks for itself).
 */
export async function injectIntoOpenTabs(api: SiteAccessApi, origins: readonly string[]): Promise<number> {
  if (!api.tabs || !api.scripting.executeScript || origins.length === 0) return 0;
  const tabs = await api.tabs.query({ url: [...origins] });
  let done = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      await api.scripting.insertCSS?.({ target: { tabId: tab.id }, files: ['content.css'] });
      await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
      done++;
    } catch {
      // a tab that cannot be scripted (a browser page, a closed tab): skip it
    }
  }
  return done;
}

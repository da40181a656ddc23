/**
 * Sites beyond the default news sites: the content script is registered for exactly the origins the
 * reader granted, and the options page reads those grants back.
 */
import { describe, expect, it } from 'vitest';

import { GRANTED_SCRIPT_ID, syncGrantedSites, type SiteAccessApi } from '../../src/background/site-access.ts';
import { accessFrom, EVERYWHERE, originsFor } from '../../src/ui/SiteAccess.tsx';

const OWN = ['*://*.nytimes.com/*', '*://*.reuters.com/*'];

function fakeApi(origins: string[]) {
  const registered = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
  const api: SiteAccessApi = {
    runtime: {
      getManifest: () => ({ manifest_version: 3, name: 'x', version: '1', content_scripts: [{ matches: OWN }] }),
    },
    permissions: { getAll: () => Promise.resolve({ origins: [...OWN, ...origins], permissions: [] }) },
    scripting: {
      getRegisteredContentScripts: filter =>
        Promise.resolve([...registered.values()].filter(s => !filter?.ids || filter.ids.includes(s.id))),
      registerContentScripts: scripts => {
        for (const s of scripts) {
          if (registered.has(s.id)) return Promise.reject(new Error(`duplicate id ${s.id}`));
          registered.set(s.id, s);
        }
        return Promise.resolve();
      },
      unregisterContentScripts: filter => {
        for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
        return Promise.resolve();
      },
    },
  };
  return { api, registered };
}

describe('granted sites', () => {
  it('registers the content script for the granted origins only, not the manifest’s own', async () => {
    const { api, registered } = fakeApi(originsFor('example.org'));
    expect(await syncGrantedSites(api)).toEqual(['http://*.example.org/*', 'https://*.example.org/*']);
    expect(registered.get(GRANTED_SCRIPT_ID)).toMatchObject({
      matches: ['http://*.example.org/*', 'https://*.example.org/*'],
      js: ['content.js'],
    });
    // Running again (a second permission event) replaces the registration instead of failing.
    expect(await syncGrantedSites(api)).toHaveLength(2);
    expect(registered.size).toBe(1);
  });

  it('unregisters when the reader withdraws every extra permission', async () => {
    const granted = fakeApi(EVERYWHERE);
    await syncGrantedSites(granted.api);
    expect(granted.registered.size).toBe(1);
    const none = fakeApi([]);
    none.registered.set(GRANTED_SCRIPT_ID, { id: GRANTED_SCRIPT_ID });
    expect(await syncGrantedSites(none.api)).toEqual([]);
    expect(none.registered.size).toBe(0);
  });

  it('reads the grants back for the options page', () => {
    expect(accessFrom([])).toEqual({ everywhere: false, sites: [] });
    expect(accessFrom(EVERYWHERE)).toEqual({ everywhere: true, sites: [] });
    expect(accessFrom([...originsFor('b.example'), ...originsFor('a.example')])).toEqual({
      everywhere: false,
      sites: ['a.example', 'b.example'],
    });
  });
});

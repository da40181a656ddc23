/**
 * The one module that imports webextension-polyfill: everything else gets
 * the promise-based `browser` namespace from here, and tests mock this file.
 */
import browser from 'webextension-polyfill';

import type { Reply, Request } from './messages.ts';

export { browser };
export type { Manifest, Permissions, Runtime, Scripting } from 'webextension-polyfill';

/** Sends a typed request to the background and returns its typed reply. */
export function ask<R extends Request>(request: R): Promise<Reply<R>> {
  return browser.runtime.sendMessage(request) as Promise<Reply<R>>;
}

/**
 * Content script entry. Injecting twice is harmless: the second copy sees the
 * first and does nothing. Stakes can be turned off and on again on the page
 * with a `{ type: 'toggle', on?: boolean }` message (see session.ts).
 */
import { browser } from '../shared/browser.ts';
import { control, isToggleRequest } from './session.ts';

declare global {
  // eslint-disable-next-line no-var
  var __stakes: { stop(): void } | undefined;
}

const report = (error: unknown): void => {
  // The extension was reloaded or updated while this page was open: nothing to do.
  if (String(error).includes('Extension context invalidated')) return;
  console.warn('Stakes:', error);
};

if (!globalThis.__stakes) {
  const stakes = control(document, report);
  globalThis.__stakes = { stop: () => void stakes.toggle(false) };
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isToggleRequest(message)) return undefined;
    return stakes.toggle(message.on).then((on: boolean) => ({ on }));
  });
}

/**
 * Content script entry. Injecting twice is harmless: the second copy sees the
 * first and does nothing.
 */
import { start } from './session.ts';

declare global {
  // eslint-disable-next-line no-var
  var __stakes: { stop(): void } | undefined;
}

if (!globalThis.__stakes) {
  const pending = { stop: () => {} };
  globalThis.__stakes = pending;
  start(document)
    .then(handle => {
      pending.stop = handle.stop;
    })
    .catch((error: unknown) => {
      // The extension was reloaded or updated while this page was open: nothing to do.
      if (String(error).includes('Extension context invalidated')) return;
      console.warn('Stakes:', error);
    });
}

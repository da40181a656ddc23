/**
 * Background (Chrome service worker / Firefox event page): owns the dataset.
 *
 *   page (content script) --match{text}--> background: mentions with offsets
 *   page --card{id}--> background: the entity's card data
 *
 * The dataset is loaded lazily the first time a request arrives after the
 * background wakes, and kept until the browser stops the background. The
 * listener is registered synchronously at top level, as MV3 requires.
 */
import type { Dataset } from '../data/dataset.ts';
import { browser, type Runtime } from '../shared/browser.ts';
import { isRequest } from '../shared/messages.ts';
import { Engine } from './engine.ts';

let engine: Promise<Engine> | undefined;

function getEngine(): Promise<Engine> {
  engine ??= fetch(browser.runtime.getURL('data/dataset.json'))
    .then(response => response.json() as Promise<Dataset>)
    .then(dataset => new Engine(dataset))
    .catch((error: unknown) => {
      engine = undefined; // let the next request try again
      throw error;
    });
  return engine;
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only our own extension's pages and content scripts can message us; check the shape anyway.
  if (sender.id !== browser.runtime.id || !isRequest(message)) return undefined;
  return getEngine().then(e => e.handle(message));
});

/**
 * Launch real Chromium and Firefox ESR with the built extension loaded, through one library
 * (puppeteer-core: CDP for Chromium, WebDriver BiDi for Firefox). Recipes and their pitfalls:
 * ../shared/reference/browser-testing.md.
 */
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page, type Target } from 'puppeteer-core';

export const GECKO_ID = 'stakes@stakes-extension';
/** Pinned so moz-extension:// URLs are known in advance (Firefox otherwise picks a random one per profile). */
export const FIREFOX_UUID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

export type BrowserName = 'chromium' | 'firefox';

export interface Launched {
  name: BrowserName;
  browser: Browser;
  /** Chromium: the unpacked extension's id (a hash of its absolute path). Firefox: the pinned UUID. */
  extensionId: string;
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionOrigin: string;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless: boolean;
  /** Firefox only: extra preferences for the profile. */
  prefs?: Record<string, string | number | boolean>;
}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const firefoxPath = (): string => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Headless pages get a fixed, roomy viewport so screenshots are comparable; headed ones use the window. */
const viewport = (headless: boolean) => (headless ? { width: 1280, height: 900 } : null);

export async function launchChromium(extDir: string, { headless }: LaunchOptions): Promise<Launched> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'stakes-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless, // true = new headless: the only headless mode that loads extensions
      pipe: true, // puppeteer-core 24 needs the pipe transport to load extensions
      enableExtensions: [path.resolve(extDir)],
      defaultViewport: viewport(headless),
      args: [
        `--user-data-dir=${userDataDir}`,
        '--no-sandbox', // required as root; tests only load our own pages
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const close = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    // The MV3 service worker starts once after install; its URL carries the extension id.
    const worker = await browser.waitForTarget(
      t => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    const extensionId = new URL(worker.url()).host;
    return { name: 'chromium', browser, extensionId, extensionOrigin: `chrome-extension://${extensionId}/`, close };
  } catch (error) {
    await close();
    throw new Error(`Chromium started but the extension in ${extDir} did not (no service worker in 15 s)`, {
      cause: error,
    });
  }
}

export async function launchFirefox(extDir: string, { headless, prefs = {} }: LaunchOptions): Promise<Launched> {
  // Firefox refuses to run as root unless $HOME belongs to root (true on CI containers with a foreign HOME).
  let tmpHome: string | undefined;
  if (process.getuid?.() === 0 && !ownedByRoot(process.env.HOME)) {
    tmpHome = await mkdtemp(path.join(os.tmpdir(), 'stakes-firefox-home-'));
  }
  const cleanup = async (): Promise<void> => {
    if (tmpHome) await rm(tmpHome, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless,
      defaultViewport: viewport(headless),
      env: tmpHome ? { ...process.env, HOME: tmpHome } : process.env,
      args: ['--remote-allow-system-access'], // else BiDi refuses moz-extension:// navigation
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }), ...prefs },
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const close = async (): Promise<void> => {
    await browser.close().catch(() => undefined); // puppeteer removes its own temporary profile
    await cleanup();
  };
  try {
    const id = await browser.installExtension(path.resolve(extDir)); // temporary add-on, like about:debugging
    if (id !== GECKO_ID) throw new Error(`installed add-on has id ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await close();
    throw new Error(`Firefox could not install the extension in ${extDir}`, { cause: error });
  }
  return {
    name: 'firefox',
    browser,
    extensionId: FIREFOX_UUID,
    extensionOrigin: `moz-extension://${FIREFOX_UUID}/`,
    close,
  };
}

export const launchers: Record<BrowserName, (extDir: string, options: LaunchOptions) => Promise<Launched>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
};

function ownedByRoot(dir: string | undefined): boolean {
  try {
    return dir !== undefined && statSync(dir).uid === 0;
  } catch {
    return false;
  }
}

/** True for URLs that stay on this machine or inside the browser. */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:', 'chrome-extension:', 'moz-extension:'].includes(u.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

export interface RequestLog {
  /** Every request seen so far that left the machine (see isLocalUrl). */
  readonly outside: string[];
  /** Watch a page now: call right after newPage(), before its first navigation, to close the race with 'targetcreated'. */
  add(page: Page): void;
  stop(): void;
}

/**
 * Records the requests of every page of the browser, present and future, and in Chromium also of the
 * extension's service worker (a CDP session on the worker target). Firefox's extension background page
 * is not observed: puppeteer's BiDi pages only report their own requests.
 */
export function watchRequests(browser: Browser): RequestLog {
  const outside: string[] = [];
  const record = (url: string): void => {
    if (!isLocalUrl(url)) outside.push(url);
  };
  const sessions: CDPSession[] = [];
  const watched = new Set<Page>();
  const add = (page: Page): void => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('request', request => record(request.url()));
  };
  const watch = async (target: Target): Promise<void> => {
    if (target.type() === 'page') {
      const page = await target.page();
      if (page) add(page);
    } else if (target.type() === 'service_worker') {
      const session = await target.createCDPSession();
      sessions.push(session);
      session.on('Network.requestWillBeSent', event => record(event.request.url));
      await session.send('Network.enable');
    }
  };
  const onTarget = (target: Target): void => void watch(target).catch(() => undefined);
  browser.on('targetcreated', onTarget);
  for (const target of browser.targets()) onTarget(target);
  return {
    outside,
    add,
    stop() {
      browser.off('targetcreated', onTarget);
      for (const session of sessions) void session.detach().catch(() => undefined);
    },
  };
}

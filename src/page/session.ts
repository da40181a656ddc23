/**
 * Content script: runs in every http(s) page, in the extension's isolated world.
 *
 *   readArticle ──> buildTextMap ──text──> background (match) ──mentions──┐
 *                                                                            v
 *   click / Enter on a mark <── Highlighter.apply (wraps mentions in <stakes-mark>)
 *        └──> background (card) ──> CardHost (shadow root, Preact Card)
 *
 * Heavy data stays in the background; this script holds the page's text
 * and its marks only. The reader's settings (Reader) decide whether and what
 * to underline; a change of settings clears the marks (restoring the page
 * exactly) and paints again. Everything it adds is undone by `stop()`.
 */
import { ask } from '../shared/browser.ts';
import { isTabRequest, type FoundMention } from '../shared/messages.ts';
import { Announcer } from './announcer.ts';
import { isAnnotatable, readArticle } from './article.ts';
import { CardHost } from './card-host.ts';
import { Highlighter, MARK_TAG } from './highlighter.ts';
import { onTabMessage, Reader } from './reader.ts';
import { buildTextMap, EMPTY_MAP, place, type Placement, type TextMap } from './text-map.ts';
import { articleRoot, EarlyChanges, Watcher } from './watcher.ts';

export async function start(doc: Document, signal?: AbortSignal): Promise<{ stop(): void }> {
  const highlighter = new Highlighter();
  const cards = new CardHost(doc);
  const controller = new AbortController();
  const reader = await Reader.create(doc);
  const announcer = new Announcer(doc);
  let stopTabMessages = () => {};
  let watcher: Watcher | undefined;
  const stop = () => {
    controller.abort();
    watcher?.stop();
    stopTabMessages();
    reader.destroy();
    announcer.destroy();
    cards.destroy();
    highlighter.clear();
  };
  // Aborting `signal` (a toggle to off, see control() below) stops at once, even mid-start.
  if (signal?.aborted) {
    stop();
    return { stop };
  }
  signal?.addEventListener('abort', stop, { once: true });

  // The article is read in idle-time slices: a long page never blocks the tab (article.ts).
  const read = async () => buildTextMap((await readArticle(doc, { signal: controller.signal })).nodes);
  let map: TextMap;
  const early = new EarlyChanges(doc);
  try {
    map = await read();
  } catch (error) {
    early.touched(null);
    if (controller.signal.aborted) return { stop };
    throw error;
  }
  const changedWhileRead = early.touched(articleRoot(map.nodes));
  /** Where the article's mentions are, once matched: all a redraw needs (the map and its text can go). */
  let placed: Placement<FoundMention> | undefined;
  /** Text the page added after the first scan, annotated as it came (see the Watcher below). */
  let extras: Placement<FoundMention>[] = [];
  let shown: FoundMention[] = [];
  let generation = 0;
  /** (Re)draws the marks for the current settings; the page is restored first. */
  const paint = async () => {
    const mine = ++generation;
    if (reader.active && !placed) {
      const read = map;
      const mentions = read.text.trim() === '' ? [] : (await ask({ type: 'match', text: read.text })).mentions;
      if (mine !== generation || controller.signal.aborted) return;
      placed = place(read, mentions);
      map = EMPTY_MAP;
    }
    if (mine !== generation || controller.signal.aborted) return;
    cards.close(false);
    highlighter.clear();
    shown = reader.active && placed ? reader.filter(placed.mentions) : [];
    if (shown.length > 0) highlighter.draw(placed!, shown);
    for (const x of reader.active ? extras : []) {
      const more = reader.filter(x.mentions);
      highlighter.draw(x, more);
      shown = shown.concat(more);
    }
    if (highlighter.marks.length > 0) reader.decorate(highlighter.marks);
    // Tell the background what is underlined (its reply, the site owner's badge, may take a moment
    // while the background reads the card data): the marks work meanwhile. Reports go in order.
    const entities = shown;
    reporting = reporting.then(() => reader.report(entities)).catch(() => undefined);
  };
  let reporting: Promise<void> = Promise.resolve();
  /** Rescans started: a slower, older one that finishes late is dropped. */
  let rescans = 0;
  // The page keeps changing: annotate new text as it comes, drop marks in text the page rewrote,
  // and find the article again after SPA navigation or too many changes (src/page/watcher.ts).
  // Watching starts before the first paint: a framework may re-render while we wait for replies.
  const annotateMore = async (fresh: Text[]) => {
    const seen = new Map<Element, boolean>();
    const more = buildTextMap(fresh.filter(t => isAnnotatable(t, seen) && !highlighter.isOurs(t)));
    if (more.text.trim() === '') return;
    const { mentions } = await ask({ type: 'match', text: more.text });
    if (controller.signal.aborted || mentions.length === 0) return;
    const added = place(more, mentions);
    extras.push(added);
    if (extras.length > 100) return watcher?.requestRescan('many small additions');
    if (!reader.active) return;
    const marked = reader.filter(mentions);
    highlighter.draw(added, marked);
    shown = shown.concat(marked);
    reader.decorate(highlighter.marks);
  };
  watcher = new Watcher(doc, articleRoot(map.nodes), {
    owner: highlighter,
    onText: (fresh, touched) => {
      if (touched.length) highlighter.release(touched);
      if (fresh.length) void annotateMore(fresh).catch(() => undefined);
    },
    onRescan: () => {
      // The page is restored first: the walk skips our own marks, and the text they hold is needed.
      cards.close(false);
      highlighter.clear();
      map = EMPTY_MAP;
      placed = undefined;
      extras = [];
      const again = ++rescans;
      void read()
        .then(fresh => {
          if (again !== rescans || controller.signal.aborted) return;
          map = fresh;
          placed = undefined;
          watcher?.setRoot(articleRoot(map.nodes));
          return paint();
        })
        .catch(() => undefined);
    },
  });
  highlighter.guard = change => (watcher ? watcher.own(change) : change());
  // The page changed its article while we read it (a slice at a time): read it again, once it settles.
  if (changedWhileRead) watcher.requestRescan('the article changed while it was read');

  await paint();
  if (controller.signal.aborted) return { stop };

  reader.listen(() => {
    const wasOn = highlighter.marks.length > 0;
    void paint().then(() => {
      const on = highlighter.marks.length > 0;
      if (on !== wasOn) announcer.say(on ? 'highlightsOn' : 'highlightsOff', String(highlighter.marks.length));
    });
  });

  const openFor = async (mark: HTMLElement, toggle = true) => {
    const mention = highlighter.mentionOf.get(mark);
    if (!mention) return;
    if (cards.openFor === mark) {
      if (toggle) cards.close(true);
      return;
    }
    const page = [...new Set(shown.map(m => m.entityId))];
    const { card } = await ask({ type: 'card', id: mention.entityId, page });
    if (card && mark.isConnected) {
      cards.open(mark, card, mention.why, {
        onHide: () => void reader.hideEntity(mention.entityId).then(() => announcer.say('notThisEntityDone')),
      });
    }
  };
  const markOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>(MARK_TAG) : null;

  doc.addEventListener(
    'click',
    event => {
      const mark = markOf(event.target);
      if (!mark || !highlighter.mentionOf.has(mark)) return;
      event.preventDefault(); // a name inside a link opens the card, not the link
      void openFor(mark);
    },
    { signal: controller.signal },
  );
  doc.addEventListener(
    'keydown',
    event => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const mark = markOf(event.target);
      if (!mark || !highlighter.mentionOf.has(mark)) return;
      event.preventDefault();
      void openFor(mark);
    },
    { signal: controller.signal },
  );
  // "Hover, after a delay" (options): open when the pointer rests on a name.
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  doc.addEventListener(
    'mouseover',
    event => {
      if (reader.settings.openOn !== 'hover') return;
      const mark = markOf(event.target);
      clearTimeout(hoverTimer);
      if (!mark || !highlighter.mentionOf.has(mark)) return;
      hoverTimer = setTimeout(() => void openFor(mark, false), reader.settings.hoverDelayMs);
    },
    { signal: controller.signal },
  );
  doc.addEventListener('mouseout', () => clearTimeout(hoverTimer), { signal: controller.signal });
  doc.defaultView?.addEventListener('resize', () => cards.position(), { signal: controller.signal });

  // Keyboard command "next/previous mention" and the overview's "jump to", sent by the extension.
  let current = -1;
  const focusMark = (index: number) => {
    const marks = [...highlighter.marks].sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    if (marks.length === 0) return;
    current = ((index % marks.length) + marks.length) % marks.length;
    for (const m of marks) m.removeAttribute('data-stakes-current');
    const mark = marks[current]!;
    mark.setAttribute('data-stakes-current', '');
    const reduce = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    mark.focus({ preventScroll: true });
    announcer.say('mentionOf', String(current + 1), String(marks.length), mark.textContent ?? '');
    return marks;
  };
  stopTabMessages = onTabMessage(message => {
    if (!isTabRequest(message)) return;
    if (message.type === 'stakes:step') {
      focusMark(current + message.step);
    } else {
      const marks = [...highlighter.marks].sort((a, b) =>
        a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
      );
      const index = marks.findIndex(
        (m, i) => i > current && highlighter.mentionOf.get(m)?.entityId === message.entityId,
      );
      const first = marks.findIndex(m => highlighter.mentionOf.get(m)?.entityId === message.entityId);
      if (first >= 0) focusMark(index >= 0 ? index : first);
    }
  });
  return { stop };
}

/**
 * `{ type: 'toggle', on?: boolean }`, sent to a tab's content script with browser.tabs.sendMessage:
 * turns Stakes off on that page (everything it added is undone; the page's HTML is as it was) or on
 * again; without `on` it flips. The reply, `{ on: boolean }`, comes once the change is done (after
 * the page is annotated, when turning on). Used by the browser tests; meant for the popup's switch.
 */
export interface ToggleRequest {
  type: 'toggle';
  on?: boolean;
}

export function isToggleRequest(value: unknown): value is ToggleRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; on?: unknown };
  return v.type === 'toggle' && (v.on === undefined || typeof v.on === 'boolean');
}

/** Runs `start` on the page now, and again or not per toggle. */
export function control(doc: Document, report: (error: unknown) => void): { toggle(on?: boolean): Promise<boolean> } {
  let running: { controller: AbortController; started: Promise<unknown> } | undefined;
  const turnOn = () => {
    const controller = new AbortController();
    running = { controller, started: start(doc, controller.signal).catch(report) };
  };
  turnOn();
  return {
    async toggle(on = !running) {
      if (on && !running) turnOn();
      if (!on && running) {
        running.controller.abort();
        running = undefined;
      }
      await running?.started;
      return running !== undefined;
    },
  };
}

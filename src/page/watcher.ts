/**
 * Watches the article for changes the page makes after Stakes annotated it: new text (comments
 * loading, a framework re-rendering), text nodes Stakes split being rewritten or removed, the
 * article being replaced, and SPA navigation (history.pushState, popstate).
 *
 * One MutationObserver on the article's root. Its callback only queues records; they are processed
 * later (on idle, or after a short timer) within a time budget. Stakes' own nodes and edits are
 * ignored, and mutations Stakes makes itself (inside `own()`) are discarded, so annotating never
 * triggers more annotating. Too many changes at once, the root leaving the page, or a navigation
 * become one rescan, rate-limited with a growing back-off and capped in number: a page that never
 * stops changing costs a bounded amount of work.
 */

export interface Limits {
  /** Delay before processing queued records (batches bursts together), ms. */
  batchMs: number;
  /** Time budget for one processing slice, ms; the rest waits for the next slice. */
  budgetMs: number;
  /** More records than this waiting at once: drop them and rescan instead. */
  maxQueue: number;
  /** More new text nodes than this in one batch: rescan instead. */
  maxNewText: number;
  /** Rescans are at least this far apart, ms; the gap doubles while changes keep coming. */
  rescanMs: number;
  /** The longest gap between rescans, ms. */
  maxRescanMs: number;
  /** After this many rescans the watcher gives up and stops (the marks stay). */
  maxRescans: number;
  /** How often the page's address and the root's presence are checked, ms. */
  pollMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  batchMs: 100,
  budgetMs: 8,
  maxQueue: 2_000,
  maxNewText: 500,
  rescanMs: 500,
  maxRescanMs: 30_000,
  maxRescans: 40,
  pollMs: 1_000,
};

/** What the watcher needs to know about Stakes' own changes (the Highlighter provides it). */
export interface Owner {
  /** Whether Stakes put this node in the page (a mark, or a text node it split off). */
  isOurs(node: Node): boolean;
  /** For a page text node Stakes split: the text it left in it; otherwise undefined. */
  editedData(node: Node): string | undefined;
  /** Split page text nodes the page has changed behind our back (checked on every poll). */
  stale?(): Text[];
}

export interface WatchOptions {
  owner: Owner;
  /**
   * Page text under the root that is new or changed (`added`), and page text nodes Stakes had split
   * that the page rewrote or removed (`touched`: their marks must go).
   */
  onText(added: Text[], touched: Text[]): void;
  /** Find the article again (too many changes, the root left the page, navigation). */
  onRescan(reason: string): void;
  limits?: Partial<Limits>;
}

const SHOW_TEXT = 0x4;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The lowest element containing every node: the article's root; null for no nodes. */
export function articleRoot(nodes: readonly Node[]): Element | null {
  if (nodes.length === 0) return null;
  const chain: Element[] = [];
  for (let el = nodes[0]!.parentElement; el; el = el.parentElement) chain.push(el);
  let best = 0;
  for (const node of nodes) {
    while (best < chain.length && !chain[best]!.contains(node)) best++;
  }
  return chain[best] ?? null;
}

/**
 * Notes where the page changes while the article is read in slices, before the Watcher exists:
 * the read may have missed a change inside the article, which then calls for one more read.
 */
export class EarlyChanges {
  /** Beyond this many changed nodes, assume the article was among them. */
  static readonly MAX = 10_000;
  private readonly observer: MutationObserver | undefined;
  private readonly targets = new Set<Node>();
  private overflow = false;

  constructor(doc: Document) {
    const Observer = doc.defaultView?.MutationObserver;
    if (!Observer || !doc.body) return;
    this.observer = new Observer(records => this.note(records));
    this.observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  }

  /** Stops noting; whether any change so far was inside `root`. */
  touched(root: Node | null): boolean {
    if (!this.observer) return false;
    this.note(this.observer.takeRecords());
    this.observer.disconnect();
    if (!root) return false;
    if (this.overflow) return true;
    for (const t of this.targets) if (root.contains(t)) return true;
    return false;
  }

  private note(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'childList' && ownNodesOnly(r)) continue; // Stakes' own UI coming or going
      if (this.targets.size >= EarlyChanges.MAX) {
        this.overflow = true;
        return;
      }
      this.targets.add(r.target);
    }
  }
}

export class Watcher {
  private readonly limits: Limits;
  private readonly view: Window & typeof globalThis;
  private observer: MutationObserver;
  private queue: MutationRecord[] = [];
  private overflow = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private lastRescan = -Infinity;
  private rescanGap: number;
  private pendingReason: string | undefined;
  private href: string;
  private stopped = false;
  private readonly controller = new AbortController();
  /** Counters, for tests and bounds. */
  readonly stats = { records: 0, dropped: 0, flushes: 0, rescans: 0, texts: 0 };

  constructor(
    private readonly doc: Document,
    private root: Node | null,
    private readonly options: WatchOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.rescanGap = this.limits.rescanMs;
    this.view = doc.defaultView as Window & typeof globalThis;
    this.observer = new this.view.MutationObserver(records => this.enqueue(records));
    this.observe();
    this.href = this.address();
    const signal = this.controller.signal;
    this.view.addEventListener('popstate', () => this.checkAddress(), { signal });
    // The Navigation API (Chromium) reports pushState too; elsewhere the poll below sees it.
    const navigation = (this.view as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener?.('navigatesuccess', () => this.checkAddress(), { signal });
    this.pollTimer = setInterval(() => {
      this.checkAddress();
      if (this.root && !this.root.isConnected) this.requestRescan('the article left the page');
      const stale = this.options.owner.stale?.() ?? [];
      if (stale.length && this.root) {
        const root = this.root;
        this.options.onText(
          stale.filter(t => t.isConnected && root.contains(t) && t.data.trim() !== ''),
          stale,
        );
      }
    }, this.limits.pollMs);
  }

  /** Runs Stakes' own DOM changes: the mutations they cause are not the page's and are dropped. */
  own<T>(fn: () => T): T {
    if (this.stopped) return fn();
    this.enqueue(this.observer.takeRecords());
    try {
      return fn();
    } finally {
      this.observer.takeRecords();
    }
  }

  /** After a rescan: watch this root now (the body when the page has no article yet). */
  setRoot(root: Node | null): void {
    if (this.stopped) return;
    this.observer.disconnect();
    this.queue = [];
    this.overflow = false;
    this.root = root;
    this.observe();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.queue = [];
    this.controller.abort();
    clearTimeout(this.flushTimer);
    clearTimeout(this.rescanTimer);
    clearInterval(this.pollTimer);
  }

  private observe(): void {
    const target = this.root ?? this.doc.body;
    if (!target) return;
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  private address(): string {
    const href = this.doc.location?.href ?? '';
    const hash = href.indexOf('#');
    return hash === -1 ? href : href.slice(0, hash);
  }

  private checkAddress(): void {
    const href = this.address();
    if (href === this.href) return;
    this.href = href;
    this.requestRescan('navigation');
  }

  /** The observer's callback: queue only. */
  private enqueue(records: MutationRecord[]): void {
    if (this.stopped || records.length === 0) return;
    this.stats.records += records.length;
    if (this.overflow || this.queue.length + records.length > this.limits.maxQueue) {
      this.stats.dropped += this.queue.length + records.length;
      this.queue = [];
      this.overflow = true;
    } else {
      for (const r of records) this.queue.push(r);
    }
    this.scheduleFlush(this.limits.batchMs);
  }

  private scheduleFlush(delay: number): void {
    if (this.flushTimer !== undefined || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, delay);
  }

  private flush(): void {
    if (this.stopped) return;
    this.stats.flushes++;
    if (this.overflow) {
      this.overflow = false;
      this.queue = [];
      this.requestRescan('too many changes at once');
      return;
    }
    if (!this.root) {
      // No article yet: any change may have brought one.
      this.queue = [];
      this.requestRescan('the page changed and had no article');
      return;
    }
    const started = performance.now();
    const added = new Set<Text>();
    const touched = new Set<Text>();
    let newText = 0;
    const { owner } = this.options;
    const addText = (t: Text) => {
      if (!added.has(t)) {
        added.add(t);
        newText++;
      }
    };
    let i = 0;
    for (; i < this.queue.length; i++) {
      if ((i & 63) === 63 && performance.now() - started > this.limits.budgetMs) break;
      const r = this.queue[i]!;
      if (r.type === 'characterData') {
        const t = r.target as Text;
        if (insideOurs(t, owner)) continue;
        const ours = owner.editedData(t);
        if (ours !== undefined) {
          if (t.data === ours) continue;
          touched.add(t);
        }
        addText(t);
      } else if (r.type === 'childList') {
        if (insideOurs(r.target, owner)) continue;
        for (const n of r.removedNodes) {
          if (n.nodeType === TEXT_NODE && owner.editedData(n) !== undefined) touched.add(n as Text);
        }
        for (const n of r.addedNodes) {
          if (owner.isOurs(n)) continue;
          if (n.nodeType === TEXT_NODE) addText(n as Text);
          else if (n.nodeType === ELEMENT_NODE) {
            const walker = this.doc.createTreeWalker(n, SHOW_TEXT);
            for (let t = walker.nextNode(); t && newText <= this.limits.maxNewText; t = walker.nextNode()) {
              addText(t as Text);
            }
          }
        }
      }
      if (newText > this.limits.maxNewText) {
        this.queue = [];
        this.requestRescan('too much new text at once');
        return;
      }
    }
    this.queue = this.queue.slice(i);
    if (this.queue.length) this.scheduleFlush(0);
    if (added.size === 0 && touched.size === 0) return;
    this.stats.texts += added.size;
    const root = this.root;
    const fresh = [...added].filter(t => t.isConnected && root.contains(t) && t.data.trim() !== '');
    this.options.onText(fresh, [...touched]);
  }

  /** Rescans once, soon: no sooner than the back-off allows, never more than maxRescans times. */
  requestRescan(reason: string): void {
    if (this.stopped) return;
    this.pendingReason ??= reason;
    if (this.rescanTimer !== undefined) return;
    const now = Date.now();
    const since = now - this.lastRescan;
    // Changes keep coming soon after a rescan: wait longer next time.
    if (since < this.rescanGap * 4) this.rescanGap = Math.min(this.rescanGap * 2, this.limits.maxRescanMs);
    else this.rescanGap = this.limits.rescanMs;
    const wait = Math.max(0, this.lastRescan + this.rescanGap - now);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      if (this.stopped) return;
      if (this.stats.rescans >= this.limits.maxRescans) {
        this.stop(); // a page that never settles: keep what is marked, stop watching
        return;
      }
      this.stats.rescans++;
      this.lastRescan = Date.now();
      const why = this.pendingReason ?? reason;
      this.pendingReason = undefined;
      this.queue = [];
      this.options.onRescan(why);
    }, wait);
  }
}

/** Whether a childList change only added or removed Stakes' own elements (<stakes-…>). */
function ownNodesOnly(r: MutationRecord): boolean {
  const ours = (list: NodeList) =>
    Array.prototype.every.call(list, (n: Node) => n.nodeName.toLowerCase().startsWith('stakes-'));
  return ours(r.addedNodes) && ours(r.removedNodes);
}

function insideOurs(node: Node, owner: Owner): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (owner.isOurs(n)) return true;
    if (n.nodeType === ELEMENT_NODE) {
      const tag = (n as Element).localName;
      if (tag === 'stakes-mark' || tag === 'stakes-card') return true;
    }
  }
  return false;
}

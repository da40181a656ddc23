/**
 * Article detection in one walk over the page, without copying it.
 *
 * Readability (article.ts) finds the story well but costs 10–40× a plain read of the page, in one
 * task: it copies the document, rewrites it and walks it several times. This scan keeps its idea
 * and drops the cost. One walk over the body (child and sibling links, no copy) records, per
 * element, its text, its link text and its commas, skipping what is never the story (excluded
 * tags, page furniture by class or id, hidden elements). Paragraph-like blocks score their ancestors (more
 * text and commas, more score; the parent gets it all, farther ancestors less), scores are cut by
 * link density, the best element wins and takes its siblings that look like story too, and
 * link-heavy or furniture blocks inside it are dropped. The text nodes come from the walk's own
 * list: nothing is read twice.
 *
 * The walk can be split (`Scan.step` with a node budget) so a long page is read in idle-time
 * slices (`readArticle` in article.ts).
 */
import { EXCLUDED } from './excluded.ts';

/** Tags (local names) whose subtree is never the story: what is never annotated, and page chrome and captions. */
const SKIP = new Set([...[...EXCLUDED].map(t => t.toLowerCase()), 'header', 'figcaption', 'dialog', 'menu']);
/** Roles that mark navigation and overlays rather than content. */
const CHROME_ROLES = new Set([
  'menu',
  'menubar',
  'navigation',
  'complementary',
  'dialog',
  'alertdialog',
  'alert',
  'banner',
  'contentinfo',
]);
/** Children that make a <div> a container rather than a paragraph of its own. */
const CONTAINER_KIDS = new Set([
  'blockquote',
  'dl',
  'div',
  'img',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
  'section',
  'article',
  'figure',
]);
/** Elements whose text is scored as one paragraph. */
const PARAGRAPHS = new Set(['p', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Blocks inside the chosen article that are checked for being furniture or lists of links. */
const CHECKED = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'form', 'fieldset']);
/** Containers whose own text (between their blocks, around <br>s) is scored as a paragraph. */
const LOOSE_TEXT = new Set(['div', 'article', 'main', 'body', 'blockquote', 'font', 'center']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Class or id words of page furniture (a whole word of the label: "share-bar", "sidebar_right"). */
const FURNITURE =
  /(^|[^a-z])(ads?|advert\w*|banners?|breadcrumbs?|captions?|carousel|comments?|gallery|legends?|slideshow|community|cookies?|disqus|footer|gdpr|masthead|menu|modal|newsletter|outbrain|pager|pagination|popup|promos?|related|replies|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsored|subscribe|taboola|toolbar|trending|widget)([^a-z]|$)/i;
/** Labels that say "story" and so override a furniture word in the same label ("main-content sidebar"). */
const STORY = /article|body|content|entry|main|post|story|text|column/i;
/** Class weights: labels that say story, and labels that say not. */
const GOOD = /article|body|content|entry|main|page|post|text|blog|story/i;
const BAD =
  /hidden|banner|comment|contact|footer|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|sponsor|shopping|tags|widget|byline|author|caption/i;
/** Short blocks with these labels are bylines and datelines, not story. */
const BYLINE = /byline|author|dateline|writtenby/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Elements that may be editable, hidden or navigation: a superset of what inspect() skips for those reasons. */
const SUSPECT = '[contenteditable],[aria-hidden],[hidden],[role],[style*="none" i],[style*="hidden" i]';

/** Whether the walk may start at this element: not editable, hidden or never annotated itself. */
export function walkable(el: Element): boolean {
  return !SKIP.has(el.localName) && inspect(el, false) !== null;
}

/** rel="author" or itemprop="author": a byline however it is labelled. */
function byAuthor(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  return el.getAttribute('rel') === 'author' || /\bauthor\b/.test(el.getAttribute('itemprop') ?? '');
}

function classWeight(label: string): number {
  if (!label) return 0;
  return (GOOD.test(label) ? 25 : 0) - (BAD.test(label) ? 25 : 0);
}

/**
 * An element's class and id as one label ("" without either), or null when the scan skips the
 * element and everything in it: editable, hidden, navigation by role, or (strict) furniture by label.
 * Its tag was checked before. Editable by inheritance needs no check: the walk never enters the
 * element that made its subtree editable.
 */
function inspect(el: Element, strict: boolean): string | null {
  if (!el.hasAttributes()) return '';
  // One selector match rules out most elements at once; the few it flags are looked at closely.
  if (el.matches(SUSPECT)) {
    const editable = el.getAttribute('contenteditable');
    if (editable === '' || editable === 'true' || editable === 'plaintext-only') return null;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return null;
    const role = el.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return null;
    const style = el.getAttribute('style');
    if (style && HIDDEN_STYLE.test(style)) return null;
  }
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  const label = cls ? (id ? `${cls} ${id}` : cls) : (id ?? '');
  return strict && label !== '' && FURNITURE.test(label) && !STORY.test(label) ? null : label;
}

function commasIn(s: string): number {
  let n = 0;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) n++;
  for (let i = s.indexOf('，'); i !== -1; i = s.indexOf('，', i + 1)) n++;
  return n;
}

/** Characters that are not white space, counted cheaply (runs of spaces count as one). */
function weight(s: string): number {
  let n = s.length;
  if (n === 0) return 0;
  // Fast answer for the common case: text that starts and ends with a visible character.
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  if (a > 32 && b > 32) return n;
  const t = s.trim();
  return t.length;
}

/** What one walk learns about an element (arrays indexed by the element's number, in document order). */
class Boxes {
  readonly el: Element[] = [];
  /** Local names ("div") and class-and-id labels, read once. */
  readonly tag: string[] = [];
  readonly label: string[] = [];
  readonly parent: number[] = [];
  /** The element's text nodes are texts[first .. end). */
  readonly first: number[] = [];
  readonly end: number[] = [];
  /** The last element inside this one (its number): descendants are (i, last]. */
  readonly last: number[] = [];
  readonly chars: number[] = [];
  readonly links: number[] = [];
  readonly commas: number[] = [];
  /** Text directly in the element (not in a child element). */
  readonly own: number[] = [];
  readonly kids: number[] = [];
  readonly container: boolean[] = [];
  /** Score as a candidate for the article; NaN when nothing scored it. */
  readonly score: number[] = [];

  open(el: Element, tag: string, label: string, parent: number, firstText: number): number {
    const i = this.el.length;
    this.el.push(el);
    this.tag.push(tag);
    this.label.push(label);
    this.parent.push(parent);
    this.first.push(firstText);
    this.end.push(firstText);
    this.last.push(i);
    this.chars.push(0);
    this.links.push(0);
    this.commas.push(0);
    this.own.push(0);
    this.kids.push(0);
    this.container.push(false);
    this.score.push(NaN);
    if (parent >= 0) {
      this.kids[parent]!++;
      if (CONTAINER_KIDS.has(tag)) this.container[parent] = true;
    }
    return i;
  }

  linkDensity(i: number): number {
    const c = this.chars[i]!;
    return c > 0 ? this.links[i]! / c : 0;
  }

  /** The score an element starts with when a paragraph first scores it: by tag, then by label. */
  initScore(i: number): void {
    if (!Number.isNaN(this.score[i]!)) return;
    let s = 0;
    switch (this.tag[i]) {
      case 'div':
        s = 5;
        break;
      case 'pre':
      case 'td':
      case 'blockquote':
        s = 3;
        break;
      case 'address':
      case 'ol':
      case 'ul':
      case 'dl':
      case 'dd':
      case 'dt':
      case 'li':
      case 'form':
        s = -3;
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'th':
        s = -5;
        break;
    }
    this.score[i] = s + classWeight(this.label[i]!);
  }

  contains(a: number, b: number): boolean {
    return a <= b && b <= this.last[a]!;
  }
}

/** How many paragraph levels above a paragraph get a share of its score. */
const LEVELS = 5;
/** An article needs at least this much text to count as found. */
export const MIN_ARTICLE_CHARS = 250;

/** One walk over a page, resumable. */
export class Scan {
  private readonly boxes = new Boxes();
  private readonly texts: Text[] = [];
  private readonly lengths: number[] = [];
  private readonly stack: number[] = [];
  private links = 0;
  private node: Node | null;
  private found: Text[] | null | undefined;
  private done = false;

  /** Elements walked so far (those skipped with their subtrees are not counted). */
  get elements(): number {
    return this.boxes.el.length;
  }

  constructor(
    private readonly root: Element,
    private readonly strict = true,
  ) {
    this.stack.push(this.boxes.open(root, root.localName, inspect(root, false) ?? '', -1, 0));
    this.node = root.firstChild;
    if (!this.node) this.finish();
  }

  /** Walks up to `budget` nodes; true when the walk is over. */
  step(budget = Infinity): boolean {
    const { boxes, stack, texts, lengths, root, strict } = this;
    let node = this.node;
    while (node && budget-- > 0) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        const n = weight(data);
        if (n > 0) {
          const top = stack[stack.length - 1]!;
          texts.push(node as Text);
          lengths.push(n);
          boxes.chars[top]! += n;
          boxes.own[top]! += n;
          if (this.links > 0) boxes.links[top]! += n;
          boxes.commas[top]! += commasIn(data);
        }
      } else if (node.nodeType === 1) {
        const el = node as Element;
        const tag = el.localName;
        const label = SKIP.has(tag) ? null : inspect(el, strict);
        if (label !== null) {
          stack.push(boxes.open(el, tag, label, stack[stack.length - 1]!, texts.length));
          if (tag === 'a') this.links++;
          const child = el.firstChild;
          if (child) {
            node = child;
            continue;
          }
          this.close();
        }
      }
      // The next node: a sibling, or the sibling of the nearest ancestor that has one.
      let next = node.nextSibling;
      while (!next) {
        const up: Node | null = node.parentNode;
        if (!up || up === root) break;
        this.close();
        node = up;
        next = node.nextSibling;
      }
      node = next;
    }
    this.node = node;
    if (!node) this.finish();
    return this.done;
  }

  private finish(): void {
    if (this.done) return;
    while (this.stack.length > 0) this.close();
    this.done = true;
  }

  /** Closes the innermost open element: its totals go to its parent; a paragraph scores its ancestors. */
  private close(): void {
    const { boxes, stack } = this;
    const i = stack.pop()!;
    const tag = boxes.tag[i]!;
    if (tag === 'a') this.links--;
    boxes.end[i] = this.texts.length;
    boxes.last[i] = boxes.el.length - 1;
    const p = boxes.parent[i]!;
    if (p >= 0) {
      boxes.chars[p]! += boxes.chars[i]!;
      boxes.links[p]! += boxes.links[i]!;
      boxes.commas[p]! += boxes.commas[i]!;
    }
    if (PARAGRAPHS.has(tag) || (tag === 'div' && !boxes.container[i])) {
      this.scoreParagraph(boxes.chars[i]!, boxes.commas[i]!, stack.length - 1);
    } else if (LOOSE_TEXT.has(tag) && boxes.own[i]! >= 25) {
      // Loose text in a container (text between <br>s): a paragraph whose parent is the container.
      stack.push(i);
      this.scoreParagraph(boxes.own[i]!, 0, stack.length - 1);
      stack.pop();
    }
  }

  /** A paragraph of `chars` characters scores the open elements from stack[from] upwards. */
  private scoreParagraph(chars: number, commas: number, from: number): void {
    if (chars < 25) return;
    const { boxes, stack } = this;
    const score = 1 + commas + Math.min(Math.floor(chars / 100), 3);
    for (let level = 0; level < LEVELS && from - level >= 0; level++) {
      const a = stack[from - level]!;
      boxes.initScore(a);
      boxes.score[a]! += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }

  /** The article's text nodes once the walk is over; null when no element looks like a story. */
  result(): Text[] | null {
    if (!this.done) throw new Error('Scan.result() before the walk is over');
    if (this.found === undefined) this.found = this.choose();
    return this.found;
  }

  /** Decides the article (once: it scales the scores in place). */
  private choose(): Text[] | null {
    const { boxes } = this;
    const n = boxes.el.length;
    let top = -1;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(boxes.score[i]!)) continue;
      boxes.score[i] = boxes.score[i]! * (1 - boxes.linkDensity(i));
      if (top < 0 || boxes.score[i]! > boxes.score[top]!) top = i;
    }
    if (top < 0) return null;
    top = this.refine(top);
    const roots = this.withSiblings(top);
    const keep = new Uint8Array(this.texts.length);
    let chars = 0;
    for (const r of roots) keep.fill(1, boxes.first[r]!, boxes.end[r]!);
    for (const r of roots) {
      for (let d = r + 1; d <= boxes.last[r]!; d++) {
        if (this.furniture(d)) {
          keep.fill(0, boxes.first[d]!, boxes.end[d]!);
          d = boxes.last[d]!; // its descendants are gone with it
        }
      }
    }
    const found: Text[] = [];
    for (let t = 0; t < keep.length; t++) {
      if (!keep[t]) continue;
      found.push(this.texts[t]!);
      chars += this.lengths[t]!;
    }
    return chars >= MIN_ARTICLE_CHARS ? found : null;
  }

  /** From the best-scoring element to the article: a shared ancestor of close rivals, or a better parent. */
  private refine(best: number): number {
    const { boxes } = this;
    const topScore = boxes.score[best]!;
    // Close rivals (three or more within 75% of the best) mean the story is split: take the
    // nearest ancestor holding three of them.
    const rivals: number[] = [];
    for (let i = 1; i < boxes.el.length; i++) {
      if (i !== best && boxes.score[i]! >= topScore * 0.75) rivals.push(i);
    }
    let top = best;
    if (rivals.length >= 3) {
      for (let a = boxes.parent[best]!; a > 0; a = boxes.parent[a]!) {
        if (rivals.filter(r => boxes.contains(a, r)).length >= 3) {
          boxes.initScore(a);
          top = a;
          break;
        }
      }
    }
    // A parent that scores higher than the element is the better container.
    let last = boxes.score[top]!;
    for (let a = boxes.parent[top]!; a > 0; a = boxes.parent[a]!) {
      const s = boxes.score[a]!;
      if (Number.isNaN(s)) continue;
      if (s < topScore / 3) break;
      if (s > last) {
        top = a;
        break;
      }
      last = s;
    }
    // An only child stands for its parent.
    while (boxes.parent[top]! > 0 && boxes.kids[boxes.parent[top]!] === 1) top = boxes.parent[top]!;
    return top;
  }

  /** The article element and those of its siblings that read like more of the story. */
  private withSiblings(top: number): number[] {
    const { boxes } = this;
    const parent = boxes.parent[top]!;
    if (parent < 0) return [top];
    const topScore = Number.isNaN(boxes.score[top]!) ? 0 : boxes.score[top]!;
    const threshold = Math.max(10, topScore * 0.2);
    const topClass = boxes.label[top]!;
    const roots: number[] = [];
    for (let s = parent + 1; s <= boxes.last[parent]!; s = boxes.last[s]! + 1) {
      if (s === top) {
        roots.push(s);
        continue;
      }
      const bonus = topClass !== '' && boxes.label[s] === topClass ? topScore * 0.2 : 0;
      const score = boxes.score[s]!;
      if (!Number.isNaN(score) && score + bonus >= threshold) {
        roots.push(s);
      } else if (boxes.tag[s] === 'p') {
        const chars = boxes.chars[s]!;
        const density = boxes.linkDensity(s);
        if (chars > 80 && density < 0.25) roots.push(s);
        else if (chars > 0 && chars <= 80 && density === 0 && /\.( |$)/.test(boxes.el[s]!.textContent ?? ''))
          roots.push(s);
      }
    }
    return roots;
  }

  /** Whether a block inside the article is furniture: a list of links, a byline, a labelled aside. */
  private furniture(i: number): boolean {
    const { boxes } = this;
    const chars = boxes.chars[i]!;
    if (chars === 0) return false;
    const tag = boxes.tag[i]!;
    const l = boxes.label[i]!;
    if (chars < 100 && (BYLINE.test(l) || byAuthor(boxes.el[i]!))) return true;
    const heading = HEADINGS.has(tag);
    if (!heading && !CHECKED.has(tag)) return false;
    const w = classWeight(l);
    if (heading || w < 0) return w < 0;
    if (boxes.commas[i]! >= 10) return false;
    const density = boxes.linkDensity(i);
    // A list is judged as a whole: only when it is mostly links (a "read more" list).
    if (tag === 'ul' || tag === 'ol') return density > 0.5;
    return (chars < 25 && density > 0) || (w < 25 && density > 0.2) || density > 0.5;
  }
}

/**
 * Wraps mentions in <stakes-mark> elements and takes them out again, leaving
 * the page exactly as it was: the same text nodes (not copies) with the same
 * text, and no node of ours behind. We never call normalize(), which would
 * merge the page's own adjacent text nodes.
 */
import type { FoundMention } from '../shared/messages.ts';
import { place, type Piece, type Placement, type TextMap } from './text-map.ts';

export const MARK_TAG = 'stakes-mark';
export const ENTITY_ATTR = 'data-stakes-entity';
/** At most this many marks on one page: a huge article stays cheap to annotate and to undo. */
export const MAX_MARKS = 5_000;

interface Edit {
  node: Text;
  /** The node's text before we split it. */
  data: string;
  /** What we left in it. */
  left: string;
  inserted: Node[];
  marks: HTMLElement[];
}

export class Highlighter {
  private edits: Edit[] = [];
  readonly marks: HTMLElement[] = [];
  /** The mention each mark belongs to. */
  readonly mentionOf = new WeakMap<Element, FoundMention>();
  /** Every node we put in the page: marks, their text, the text nodes split off. */
  private readonly ours = new WeakSet<Node>();
  /** The page's text nodes we split, and their latest edit. */
  private readonly editOf = new Map<Text, Edit>();
  /** Every DOM change goes through this (the Watcher sets it, to tell our changes from the page's). */
  guard: <T>(change: () => T) => T = change => change();

  constructor(readonly maxMarks = MAX_MARKS) {}

  /** Whether we put this node in the page. */
  isOurs(node: Node): boolean {
    return this.ours.has(node);
  }

  /** For a page text node we split: the text we left in it. */
  editedData(node: Node): string | undefined {
    return this.editOf.get(node as Text)?.left;
  }

  /**
   * Wraps every mention; returns the number of marks made. A text node whose text changed since the
   * map was built is left alone (its offsets no longer hold).
   */
  apply(map: TextMap, mentions: readonly FoundMention[]): number {
    return this.draw(place(map, mentions), mentions);
  }

  /** Wraps these mentions of a placement (the others stay plain); returns the number of marks made. */
  draw(placement: Placement<FoundMention>, mentions: readonly FoundMention[]): number {
    return this.guard(() => this.drawNow(placement, mentions));
  }

  private drawNow(placement: Placement<FoundMention>, mentions: readonly FoundMention[]): number {
    const byNode = new Map<Text, (Piece & { mention: FoundMention })[]>();
    for (const mention of mentions) {
      for (const piece of placement.pieces.get(mention) ?? []) {
        const list = byNode.get(piece.node) ?? [];
        list.push({ ...piece, mention });
        byNode.set(piece.node, list);
      }
    }
    for (const [node, pieces] of byNode) {
      if (this.marks.length >= this.maxMarks) break;
      if (!node.parentNode || this.ours.has(node)) continue;
      if (node.data !== placement.held.get(node)) continue; // the page changed it since it was read
      pieces.sort((a, b) => a.start - b.start);
      this.wrap(node, pieces);
    }
    return this.marks.length;
  }

  private wrap(node: Text, pieces: { start: number; end: number; mention: FoundMention }[]): void {
    const doc = node.ownerDocument;
    const data = node.data;
    const inserted: Node[] = [];
    const marks: HTMLElement[] = [];
    let cursor = pieces[0]!.start;
    const after: Node[] = [];
    for (const piece of pieces) {
      if (piece.start < cursor) continue; // overlapping pieces cannot happen; be safe
      if (piece.start > cursor) after.push(doc.createTextNode(data.slice(cursor, piece.start)));
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute(ENTITY_ATTR, piece.mention.entityId);
      mark.setAttribute('tabindex', '0');
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.appendChild(doc.createTextNode(data.slice(piece.start, piece.end)));
      this.mentionOf.set(mark, piece.mention);
      this.ours.add(mark);
      this.ours.add(mark.firstChild!);
      this.marks.push(mark);
      marks.push(mark);
      after.push(mark);
      cursor = piece.end;
    }
    if (cursor < data.length) after.push(doc.createTextNode(data.slice(cursor)));
    const left = data.slice(0, pieces[0]!.start);
    node.data = left;
    const parent = node.parentNode!;
    const next = node.nextSibling;
    for (const n of after) {
      this.ours.add(n);
      parent.insertBefore(n, next);
      inserted.push(n);
    }
    const edit = { node, data, left, inserted, marks };
    this.edits.push(edit);
    this.editOf.set(node, edit);
  }

  /**
   * Removes every mark and restores the text nodes. A node whose text the page has changed since we
   * split it keeps the page's text: the page's latest word wins over our memory of it.
   */
  clear(): void {
    this.guard(() => {
      for (let i = this.edits.length - 1; i >= 0; i--) this.undo(this.edits[i]!);
      this.edits = [];
      this.editOf.clear();
      this.marks.length = 0;
    });
  }

  /**
   * Page text nodes we split that the page has since rewritten, moved or removed (a safety net for
   * changes the Watcher did not see): their marks should be released.
   */
  stale(): Text[] {
    const out: Text[] = [];
    for (const e of this.edits) {
      const next = e.inserted[0];
      if (this.editOf.get(e.node) !== e) continue; // an older edit of a node we split twice
      // Rewritten, moved away from our pieces, or gone from the page with its parent (forget it).
      if (
        e.node.data !== e.left ||
        (next !== undefined && next.parentNode !== e.node.parentNode) ||
        !e.node.isConnected
      ) {
        out.push(e.node);
      }
    }
    return out;
  }

  /** Takes out our marks in these page text nodes (the page rewrote, moved or removed them). */
  release(nodes: Iterable<Text>): void {
    const set = new Set(nodes);
    if (!this.edits.some(e => set.has(e.node))) return;
    this.guard(() => {
      const gone = new Set<HTMLElement>();
      for (let i = this.edits.length - 1; i >= 0; i--) {
        const edit = this.edits[i]!;
        if (!set.has(edit.node)) continue;
        this.undo(edit);
        for (const m of edit.marks) gone.add(m);
        this.edits.splice(i, 1);
      }
      for (const node of set) this.editOf.delete(node);
      for (const e of this.edits) this.editOf.set(e.node, e);
      const kept = this.marks.filter(m => !gone.has(m));
      this.marks.length = 0;
      this.marks.push(...kept);
    });
  }

  private undo({ node, data, left, inserted }: Edit): void {
    for (const n of inserted) n.parentNode?.removeChild(n);
    if (node.data === left) node.data = data;
  }
}

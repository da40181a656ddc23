/**
 * Wraps mentions in <stakes-mark> elements and takes them out again, leaving
 * the page exactly as it was: the same text nodes (not copies) with the same
 * text, and no node of ours behind. We never call normalize(), which would
 * merge the page's own adjacent text nodes.
 */
import type { FoundMention } from '../shared/messages.ts';
import { rangesFor, type TextMap } from './text-map.ts';

export const MARK_TAG = 'stakes-mark';
export const ENTITY_ATTR = 'data-stakes-entity';

interface Edit {
  node: Text;
  data: string;
  inserted: Node[];
}

export class Highlighter {
  private edits: Edit[] = [];
  readonly marks: HTMLElement[] = [];
  /** The mention each mark belongs to. */
  readonly mentionOf = new WeakMap<Element, FoundMention>();

  /** Wraps every mention; returns the number of marks made. */
  apply(map: TextMap, mentions: readonly FoundMention[]): number {
    const byNode = new Map<Text, { start: number; end: number; mention: FoundMention }[]>();
    for (const mention of mentions) {
      for (const piece of rangesFor(map, mention.start, mention.end)) {
        const list = byNode.get(piece.node) ?? [];
        list.push({ start: piece.start, end: piece.end, mention });
        byNode.set(piece.node, list);
      }
    }
    for (const [node, pieces] of byNode) {
      if (!node.parentNode) continue;
      pieces.sort((a, b) => a.start - b.start);
      this.wrap(node, pieces);
    }
    return this.marks.length;
  }

  private wrap(node: Text, pieces: { start: number; end: number; mention: FoundMention }[]): void {
    const doc = node.ownerDocument;
    const data = node.data;
    const inserted: Node[] = [];
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
      this.marks.push(mark);
      after.push(mark);
      cursor = piece.end;
    }
    if (cursor < data.length) after.push(doc.createTextNode(data.slice(cursor)));
    node.data = data.slice(0, pieces[0]!.start);
    const parent = node.parentNode!;
    const next = node.nextSibling;
    for (const n of after) {
      parent.insertBefore(n, next);
      inserted.push(n);
    }
    this.edits.push({ node, data, inserted });
  }

  /** Removes every mark and restores the text nodes. */
  clear(): void {
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const { node, data, inserted } = this.edits[i]!;
      for (const n of inserted) n.parentNode?.removeChild(n);
      node.data = data;
    }
    this.edits = [];
    this.marks.length = 0;
  }
}

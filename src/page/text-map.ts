/**
 * Joins text nodes into one string for the matcher and maps offsets in that
 * string back to nodes. Text nodes in different blocks (paragraphs, headings,
 * list items…) are separated by U+2029, which no name may span; text nodes in
 * the same block are joined as they are, so "<b>Jeff</b> Yass" reads "Jeff Yass"; line breaks of the
 * HTML source inside a node are spaces, as the page shows them.
 */

export const BLOCK_BREAK = '\u2029';

export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i]: offset of nodes[i] in text. */
  starts: number[];
  /**
   * ends[i]: where the text of nodes[i] ends in text, so text.slice(starts[i], ends[i]) is what the
   * node held when the map was made (the page may change it meanwhile). Offsets, not copies: the
   * map keeps the article's text once.
   */
  ends: number[];
}

/** A map of nothing (what a session holds once its mentions are placed). */
export const EMPTY_MAP: TextMap = { text: '', nodes: [], starts: [], ends: [] };

/** The text of node i when the map was made. */
export function textAt(map: TextMap, i: number): string {
  return map.text.slice(map.starts[i], map.ends[i]);
}

/** Elements that start a new block of text. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'STAKES-MARK',
  'LABEL',
  'WBR',
]);

function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/** Line breaks and tabs inside a text node, which the page shows as spaces. */
const SOURCE_BREAKS = /[\t\n\v\f\r]/g;

/**
 * A text node's text as the page shows it in a paragraph: the line breaks and tabs of the HTML
 * source are spaces ("Apple⏎Watch" is "Apple Watch"). One character for one, so offsets hold.
 */
export function flat(data: string): string {
  SOURCE_BREAKS.lastIndex = 0;
  return SOURCE_BREAKS.test(data) ? data.replace(SOURCE_BREAKS, ' ') : data;
}

export function buildTextMap(nodes: Text[]): TextMap {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  let lastBlock: Element | null = null;
  nodes.forEach((node, i) => {
    const block = blockOf(node);
    if (i > 0 && block !== lastBlock) {
      parts.push(BLOCK_BREAK);
      offset += 1;
    }
    lastBlock = block;
    const data = flat(node.data);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
    ends.push(offset);
  });
  return { text: parts.join(''), nodes, starts, ends };
}

export interface Piece {
  node: Text;
  start: number;
  end: number;
  /** The node's index in the map. */
  index: number;
}

/** The pieces of text nodes covering [start, end) of the joined text. */
export function rangesFor(map: TextMap, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  // Binary search for the first node ending after start.
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map.ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < map.nodes.length && map.starts[i]! < end; i++) {
    const node = map.nodes[i]!;
    const text = textAt(map, i);
    let s = Math.max(start - map.starts[i]!, 0);
    let e = Math.min(end - map.starts[i]!, text.length);
    // A name split across elements ("<b>Jeff</b> Yass") has its gap in a piece: leave the spaces out.
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) pieces.push({ node, start: s, end: e, index: i });
  }
  return pieces;
}

/**
 * Mentions placed in the page: the text-node pieces each one covers, and what each of those nodes
 * held when it was read. All that drawing (and redrawing) the marks needs, so a session keeps this
 * and lets the article's text and its map go.
 */
export interface Placement<M> {
  mentions: readonly M[];
  pieces: Map<M, Piece[]>;
  held: Map<Text, string>;
}

export function place<M extends { start: number; end: number }>(map: TextMap, mentions: readonly M[]): Placement<M> {
  const pieces = new Map<M, Piece[]>();
  const held = new Map<Text, string>();
  for (const mention of mentions) {
    const list: Piece[] = [];
    for (const piece of rangesFor(map, mention.start, mention.end)) {
      // The node's own text, not a slice of the map's (a slice would keep the whole article alive).
      const now = piece.node.data;
      if (flat(now) !== textAt(map, piece.index)) continue; // changed since it was read: offsets no longer hold
      held.set(piece.node, now);
      list.push(piece);
    }
    pieces.set(mention, list);
  }
  return { mentions, pieces, held };
}

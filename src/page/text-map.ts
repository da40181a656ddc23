/**
 * Joins text nodes into one string for the matcher and maps offsets in that
 * string back to nodes. Text nodes in different blocks (paragraphs, headings,
 * list items…) are separated by U+2029, which no name may span; text nodes in
 * the same block are joined as they are, so "<b>Jeff</b> Yass" reads "Jeff Yass".
 */

export const BLOCK_BREAK = '\u2029';

export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i]: offset of nodes[i] in text. */
  starts: number[];
  /** data[i]: the text of nodes[i] when the map was made (the page may change it meanwhile). */
  data?: string[];
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

export function buildTextMap(nodes: Text[]): TextMap {
  const parts: string[] = [];
  const starts: number[] = [];
  const data: string[] = [];
  let offset = 0;
  let lastBlock: Element | null = null;
  nodes.forEach((node, i) => {
    const block = blockOf(node);
    if (i > 0 && block !== lastBlock) {
      parts.push(BLOCK_BREAK);
      offset += 1;
    }
    lastBlock = block;
    starts.push(offset);
    parts.push(node.data);
    data.push(node.data);
    offset += node.data.length;
  });
  return { text: parts.join(''), nodes, starts, data };
}

/** The pieces of text nodes covering [start, end) of the joined text. */
export function rangesFor(map: TextMap, start: number, end: number): { node: Text; start: number; end: number }[] {
  const pieces: { node: Text; start: number; end: number }[] = [];
  // Binary search for the first node ending after start.
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map.starts[mid]! + (map.data?.[mid] ?? map.nodes[mid]!.data).length <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < map.nodes.length && map.starts[i]! < end; i++) {
    const node = map.nodes[i]!;
    const text = map.data?.[i] ?? node.data;
    let s = Math.max(start - map.starts[i]!, 0);
    let e = Math.min(end - map.starts[i]!, text.length);
    // A name split across elements ("<b>Jeff</b> Yass") has its gap in a piece: leave the spaces out.
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) pieces.push({ node, start: s, end: e });
  }
  return pieces;
}

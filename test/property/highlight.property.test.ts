// @vitest-environment jsdom
/**
 * Property-based test (fast-check) of the highlight round trip on random DOMs: any tree of blocks,
 * inline elements, excluded elements and text, any set of mentions (random spans and the engine's):
 * apply, then clear() restores the exact HTML and the very same text nodes; marks hold exactly the
 * text of their spans (spaces at a node's edge aside) and never land in excluded elements.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Engine } from '../../src/background/engine.ts';
import { isAnnotatable } from '../../src/page/article.ts';
import { Highlighter, MARK_TAG } from '../../src/page/highlighter.ts';
import { buildTextMap } from '../../src/page/text-map.ts';
import type { FoundMention } from '../../src/shared/messages.ts';
import { DATASET } from '../fixtures/dataset.ts';

const engine = new Engine(DATASET);

type Tree = string | { tag: string; children: Tree[] };
const TAGS = [
  'p',
  'div',
  'span',
  'b',
  'i',
  'a',
  'em',
  'li',
  'h2',
  'code',
  'textarea',
  'button',
  'nav',
  'blockquote',
  'td',
];
const texts = fc.oneof(
  fc.constantFrom(
    'ByteDance owns TikTok.',
    'Jeff',
    ' Yass',
    'Donald Trump',
    ' and ',
    '',
    ' ',
    '\n  ',
    'Susquehanna International Group',
    'é\u0301',
    '😀 TikTok',
    '字节跳动',
  ),
  fc.string({ maxLength: 12 }),
);
const { tree } = fc.letrec<{ tree: Tree; node: Tree }>(tie => ({
  tree: fc.record({ tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 5 }) }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, texts, tie('tree')),
}));

function build(t: Tree, parent: Node): void {
  if (typeof t === 'string') {
    parent.appendChild(document.createTextNode(t));
    return;
  }
  const el = document.createElement(t.tag);
  parent.appendChild(el);
  for (const c of t.children) build(c, el);
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Random non-overlapping spans over a text of this length. */
const spans = (length: number) =>
  fc.uniqueArray(fc.nat({ max: Math.max(0, length) }), { maxLength: 12 }).map(points => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: FoundMention[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      if (sorted[i + 1]! > sorted[i]!)
        out.push({ start: sorted[i]!, end: sorted[i + 1]!, entityId: 'test:x', name: 'x', kind: 'company', why: '' });
    }
    return out;
  });

describe('highlight round trip (property)', () => {
  it('apply then clear restores the exact HTML and the same text nodes', () => {
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 4 }).chain(trees => {
          const root = document.createElement('article');
          for (const t of trees) build(t, root);
          const nodes = textNodes(root).filter(n => isAnnotatable(n));
          const map = buildTextMap(nodes);
          return fc.tuple(
            fc.constant(root),
            fc.constant(map),
            fc.oneof(spans(map.text.length), fc.constant(engine.match(map.text))),
          );
        }),
        ([root, map, mentions]) => {
          document.body.replaceChildren(root);
          const before = root.innerHTML;
          const nodesBefore = textNodes(root);
          const h = new Highlighter();
          h.apply(map, mentions);
          for (const mark of root.querySelectorAll(MARK_TAG)) {
            expect(isAnnotatable(mark), 'mark inside an excluded element').toBe(true);
            const m = h.mentionOf.get(mark)!;
            expect(map.text.slice(m.start, m.end)).toContain(mark.textContent!);
          }
          h.clear();
          expect(root.innerHTML).toBe(before);
          expect(textNodes(root)).toEqual(nodesBefore);
          expect(textNodes(root).every((n, i) => n === nodesBefore[i])).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the visible text is the same while highlighted', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), trees => {
        const root = document.createElement('article');
        for (const t of trees) build(t, root);
        document.body.replaceChildren(root);
        const before = root.textContent;
        const map = buildTextMap(textNodes(root).filter(n => isAnnotatable(n)));
        const h = new Highlighter();
        h.apply(map, engine.match(map.text));
        expect(root.textContent).toBe(before);
        h.clear();
      }),
      { numRuns: 300 },
    );
  });
});

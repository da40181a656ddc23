// @vitest-environment jsdom
/**
 * Text as pages have it, through the extension's own text map: names inside links and split
 * across elements, headlines in their own blocks.
 */
import { describe, expect, it } from 'vitest';

import { Engine } from '../../src/background/engine.ts';
import { buildTextMap } from '../../src/page/text-map.ts';
import { DATASET } from '../fixtures/dataset.ts';

const engine = new Engine(DATASET);

function mentions(html: string): string[][] {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const map = buildTextMap(nodes);
  return engine.match(map.text).map(m => [map.text.slice(m.start, m.end), m.entityId]);
}

describe('names in page markup', () => {
  it('finds names inside links and split across inline elements', () => {
    expect(
      mentions(
        '<p>Shares of <a href="/tiktok">TikTok</a>’s owner, <a href="/bd"><b>Byte</b>Dance</a>, and <em>Jeff</em> <a href="/y">Yass</a>.</p>',
      ),
    ).toEqual([
      ['TikTok', 'company:tiktok'],
      ['ByteDance', 'company:bytedance'],
      ['Jeff Yass', 'person:jeff-yass'],
    ]);
  });

  it('keeps a name in a link that ends a block from joining the next block', () => {
    expect(mentions('<ul><li><a href="/a">Jeff</a></li><li>Yass wins</li></ul>')).toEqual([]);
  });

  it('reads a headline in its own block as a headline: a surname before the full name is not matched', () => {
    expect(mentions('<h1>TRUMP CARD</h1><p>President-elect Donald Trump spoke; Trump smiled.</p>')).toEqual([
      ['Donald Trump', 'person:donald-trump'],
      ['Trump', 'person:donald-trump'],
    ]);
  });
});

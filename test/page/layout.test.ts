import { describe, expect, it } from 'vitest';

import { GAP, MARGIN, placeCard } from '../../src/page/layout.ts';

const base = {
  card: { width: 380, height: 300 },
  viewport: { width: 1200, height: 800 },
  scroll: { x: 0, y: 1000 },
};

describe('placeCard', () => {
  it('goes below the name when there is room, in page coordinates', () => {
    const p = placeCard({ ...base, anchor: { top: 100, bottom: 120, left: 200, right: 260 } });
    expect(p).toMatchObject({ top: 1000 + 120 + GAP, left: 200, flipped: false });
  });

  it('flips above the name near the bottom of the viewport, without covering it', () => {
    const anchor = { top: 700, bottom: 720, left: 200, right: 260 };
    const p = placeCard({ ...base, anchor });
    expect(p.flipped).toBe(true);
    expect(p.top + base.card.height).toBeLessThanOrEqual(1000 + anchor.top);
  });

  it('stays inside the viewport horizontally', () => {
    const p = placeCard({ ...base, anchor: { top: 100, bottom: 120, left: 1150, right: 1190 } });
    expect(p.left).toBe(1200 - 380 - MARGIN);
    const narrow = placeCard({
      ...base,
      viewport: { width: 320, height: 600 },
      anchor: { top: 10, bottom: 30, left: 5, right: 40 },
    });
    expect(narrow.left).toBe(MARGIN);
  });

  it('never leaves the viewport or covers the name when neither side has room: the card gets shorter', () => {
    const viewport = { width: 1200, height: 900 };
    const anchor = { top: 470, bottom: 490, left: 200, right: 260 };
    const p = placeCard({ card: { width: 380, height: 520 }, viewport, scroll: { x: 0, y: 0 }, anchor });
    expect(p.flipped).toBe(true);
    expect(p.top).toBeGreaterThanOrEqual(MARGIN);
    expect(p.top + Math.min(520, p.maxHeight)).toBeLessThanOrEqual(anchor.top);
    const below = placeCard({
      card: { width: 380, height: 520 },
      viewport,
      scroll: { x: 0, y: 0 },
      anchor: { ...anchor, top: 300, bottom: 320 },
    });
    expect(below.flipped).toBe(false);
    expect(below.top + Math.min(520, below.maxHeight)).toBeLessThanOrEqual(viewport.height - MARGIN);
  });
});

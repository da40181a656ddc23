/**
 * Where the card goes: below the name, or above it when there is more room
 * there; inside the viewport horizontally; never over the name. Pure: it
 * takes measurements and returns page coordinates, so it is unit-tested
 * without a layout engine.
 */

export interface Measures {
  /** The name's box in viewport coordinates. */
  anchor: { top: number; bottom: number; left: number; right: number };
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  scroll: { x: number; y: number };
}

export const GAP = 6;
export const MARGIN = 8;

export function placeCard(m: Measures): { top: number; left: number; flipped: boolean } {
  const below = m.viewport.height - m.anchor.bottom - GAP - MARGIN;
  const above = m.anchor.top - GAP - MARGIN;
  const flipped = m.card.height > below && above > below;
  const top = flipped ? m.anchor.top - GAP - m.card.height : m.anchor.bottom + GAP;
  const maxLeft = Math.max(MARGIN, m.viewport.width - m.card.width - MARGIN);
  const left = Math.min(Math.max(m.anchor.left, MARGIN), maxLeft);
  return { top: top + m.scroll.y, left: left + m.scroll.x, flipped };
}

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
/** The card is never made shorter than this, even when the name leaves less room on both sides. */
export const MIN_HEIGHT = 120;

/**
 * `maxHeight`: the room on the chosen side. When the card is taller than the room on either side it
 * is made that short (it scrolls inside) rather than leave the viewport or cover the name.
 */
export function placeCard(m: Measures): { top: number; left: number; flipped: boolean; maxHeight: number } {
  const below = m.viewport.height - m.anchor.bottom - GAP - MARGIN;
  const above = m.anchor.top - GAP - MARGIN;
  const flipped = m.card.height > below && above > below;
  const maxHeight = Math.max(flipped ? above : below, MIN_HEIGHT);
  const height = Math.min(m.card.height, maxHeight);
  const top = flipped ? m.anchor.top - GAP - height : m.anchor.bottom + GAP;
  const maxLeft = Math.max(MARGIN, m.viewport.width - m.card.width - MARGIN);
  const left = Math.min(Math.max(m.anchor.left, MARGIN), maxLeft);
  return { top: top + m.scroll.y, left: left + m.scroll.x, flipped, maxHeight };
}

/** The connections between a page's entities, for the overview's graph. Pure. */
import type { CardBuilder } from './cards.ts';

export function pageLinks(cards: CardBuilder, ids: readonly string[]): { from: string; to: string; how: string }[] {
  const links: { from: string; to: string; how: string }[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      const a = unique[i]!;
      const b = unique[j]!;
      const how = cards.connection(a, b);
      if (how) links.push({ from: a, to: b, how });
    }
  }
  return links;
}

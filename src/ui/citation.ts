/**
 * The card as a citation: Markdown (or plain text) with every fact's figure,
 * as-of date and source URL, so a reader can paste it into notes or a story.
 * Pure: no DOM.
 */
import type { CardData, SourceView, StakeView } from '../shared/card.ts';
import { formatDate, kindLabel, period, relationLabel, sourceLabel } from './format.ts';

function cite(sources: readonly SourceView[], markdown: boolean): string {
  return sources
    .map(s =>
      markdown
        ? `[${sourceLabel(s)}, ${formatDate(s.asOf)}](${s.url})`
        : `${sourceLabel(s)}, ${formatDate(s.asOf)} <${s.url}>`,
    )
    .join('; ');
}

function stakeLine(s: StakeView, side: 'owner' | 'asset', md: boolean): string {
  const what =
    s.share ??
    (s.relation === 'stake' ? 'share not disclosed' : side === 'owner' ? relationLabel(s.relation) : s.relation);
  const when = period(s.start, s.end);
  return `- ${s.other.name}: ${what}${s.end ? ` (former, ${when})` : when ? ` (${when})` : ''}, as of ${formatDate(s.asOf)} — ${cite(s.sources, md)}`;
}

export function citation(card: CardData, format: 'markdown' | 'text' = 'markdown', today = new Date()): string {
  const md = format === 'markdown';
  const h = (text: string) => (md ? `### ${text}` : `${text}:`);
  const e = card.entity;
  const lines: string[] = [
    md ? `## ${e.name}` : e.name,
    `${kindLabel(e.kind)}${e.country ? `, ${e.country}` : ''}. ${e.description}`,
  ];
  if (card.ownedBy.length) lines.push('', h('Owned by'), ...card.ownedBy.map(s => stakeLine(s, 'owner', md)));
  if (card.chain?.length) {
    lines.push('', h('Ultimate owners'));
    for (const c of card.chain) {
      const path = [e.name, ...c.hops.map(x => `${x.owner.name} (${x.share})`)].join(' ← ');
      lines.push(
        `- ${path}${c.effective ? `: effective ${c.effective}` : ''} — ${c.hops.map(x => cite(x.sources, md)).join('; ')}`,
      );
    }
  }
  if (card.owns.length) lines.push('', h('Owns'), ...card.owns.map(s => stakeLine(s, 'asset', md)));
  if (card.roles.length) {
    lines.push('', h(e.kind === 'person' ? 'Roles' : 'People'));
    for (const r of card.roles) {
      const when = period(r.start, r.end);
      lines.push(
        `- ${r.role}${r.other ? `, ${r.other.name}` : ''}${when ? ` (${when})` : ''}, as of ${formatDate(r.asOf)} — ${cite(r.sources, md)}`,
      );
    }
  }
  if (card.policy.length) {
    lines.push('', h('Policy context'));
    for (const p of card.policy) {
      const latest = p.status[0];
      lines.push(
        `- ${p.title} (${kindLabel(p.kind)}, ${p.jurisdiction}, ${formatDate(p.date)})${latest ? `: ${latest.status}, ${formatDate(latest.date)}` : ''} — ${cite([...(latest?.sources ?? []), ...p.sources], md)}`,
      );
    }
  }
  lines.push(
    '',
    `Source: Stakes dataset ${card.dataset.version} (updated ${formatDate(card.dataset.updated)}), copied ${today.toISOString().slice(0, 10)}.`,
  );
  return lines.join('\n') + '\n';
}

/** Small text helpers shared by the card, popup and CLI. No DOM, no browser APIs. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024" → "2024"; "2024-04" → "Apr 2024"; "2024-04-24" → "24 Apr 2024". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Whether a dated fact is more than two years older than `today`. */
export function isStale(date: string, today: Date): boolean {
  const [y, m = '12', d = '28'] = date.split('-');
  const then = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const limit = Date.UTC(today.getUTCFullYear() - 2, today.getUTCMonth(), today.getUTCDate());
  return then < limit;
}

/** The URL if it is http(s), else undefined: nothing else becomes a link. */
export function safeUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A source's short label: its publisher, else its host name. */
export function sourceLabel(source: { url: string; publisher?: string }): string {
  if (source.publisher) return source.publisher;
  try {
    return new URL(source.url).hostname.replace(/^www\./, '');
  } catch {
    return 'source';
  }
}

const KIND_LABELS: Record<string, string> = {
  person: 'Person',
  company: 'Company',
  organization: 'Organization',
  publicBody: 'Public body',
  fund: 'Fund',
  outlet: 'News outlet',
  law: 'Law',
  bill: 'Bill',
  courtCase: 'Court case',
  investigation: 'Investigation',
  hearing: 'Hearing',
  executiveOrder: 'Executive order',
  regulation: 'Regulation',
  committeeAction: 'Committee action',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

const RELATION_LABELS: Record<string, string> = {
  subsidiary: 'parent company',
  brand: 'brand owner',
  division: 'parent',
  subcommittee: 'parent committee',
  'joint venture': 'joint-venture partner',
};

/** How an owner relates, seen from the owned side ("parent company"). */
export function relationLabel(relation: string): string {
  return RELATION_LABELS[relation] ?? relation;
}

/** "since 2021", "2017–2021", "until 2024", or "". */
export function period(start?: string, end?: string): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `since ${formatDate(start)}`;
  if (end) return `until ${formatDate(end)}`;
  return '';
}

/**
 * Checks across records that a schema cannot express: unique ids, no
 * dangling references, dates in order, shares that add up.
 */
import type { DataIssue, LocatedRecord } from './records.ts';
import type { DataRecord } from './schema.ts';

/** "2024" → "2024-01-01" (earliest) or "2024-12-31" (latest). */
export function dateBound(date: string, bound: 'earliest' | 'latest'): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (m) return `${y}-${m}-${bound === 'earliest' ? '01' : String(daysIn(Number(y), Number(m))).padStart(2, '0')}`;
  return bound === 'earliest' ? `${y}-01-01` : `${y}-12-31`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The as-of date of a claim: the newest date among its sources. */
export function claimAsOf(sources: readonly { asOf: string }[]): string {
  return sources.map(s => s.asOf).reduce((a, b) => (dateBound(a, 'latest') >= dateBound(b, 'latest') ? a : b));
}

/** Shares may add up to a little over 100 because sources round. */
const SHARE_TOLERANCE = 1;

export function checkRecords(located: LocatedRecord[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const where = (l: LocatedRecord, field: string | undefined, message: string): DataIssue => ({
    file: l.file,
    line: l.line,
    record: l.record.id,
    ...(field ? { field } : {}),
    message,
  });

  const byId = new Map<string, LocatedRecord>();
  // One Wikidata item, one entity: two would split its names between them, and the detector
  // underlines neither when a page could mean both.
  const byWikidata = new Map<string, LocatedRecord>();
  for (const l of located) {
    const first = byId.get(l.record.id);
    if (first) issues.push(where(l, 'id', `duplicate id, first defined at ${first.file}:${first.line}`));
    else byId.set(l.record.id, l);
    const qid = l.record.type === 'entity' ? l.record.ids?.wikidata : undefined;
    if (!qid) continue;
    const same = byWikidata.get(qid);
    if (same)
      issues.push(
        where(l, 'ids.wikidata', `${qid} is also the Wikidata id of ${same.record.id} (${same.file}:${same.line})`),
      );
    else byWikidata.set(qid, l);
  }
  if (!located.some(l => l.record.type === 'meta')) {
    issues.push({ file: '(dataset)', message: 'no meta record (type "meta", id "meta:dataset")' });
  }

  const entityKind = (id: string) => {
    const r = byId.get(id)?.record;
    return r?.type === 'entity' ? r.kind : undefined;
  };
  const needEntity = (l: LocatedRecord, field: string, id: string | undefined, kind?: string) => {
    if (id === undefined) return;
    const k = entityKind(id);
    if (!k) issues.push(where(l, field, `refers to ${id}, which is not an entity in the dataset`));
    else if (kind && k !== kind) issues.push(where(l, field, `refers to ${id}, a ${k}; expected a ${kind}`));
  };
  const needOrder = (l: LocatedRecord, start: string | undefined, end: string | undefined) => {
    if (start && end && dateBound(start, 'earliest') > dateBound(end, 'latest')) {
      issues.push(where(l, 'end', `ends (${end}) before it starts (${start})`));
    }
  };

  // Sum of current stakes per asset and as-of date, per kind of interest (a 30% shareholding that
  // carries 30% of the votes is one stake, not 60%) and apart for indirect stakes (which are held
  // through the direct ones and would count them twice).
  const stakes = new Map<string, { total: number; claims: LocatedRecord[] }>();

  for (const l of located) {
    const r: DataRecord = l.record;
    switch (r.type) {
      case 'ownership': {
        needEntity(l, 'owner', r.owner);
        needEntity(l, 'asset', r.asset);
        if (r.owner === r.asset) issues.push(where(l, 'owner', 'an entity cannot own itself'));
        needOrder(l, r.start, r.end);
        if (r.share && !r.end) {
          const measure = [
            r.interest && r.interest !== 'shareholding' ? r.interest : '',
            r.direct === 'indirect' ? 'indirect' : '',
          ]
            .filter(Boolean)
            .join(', ');
          const key = `${r.asset} @ ${claimAsOf(r.sources)}${measure ? ` (${measure})` : ''}`;
          const entry = stakes.get(key) ?? { total: 0, claims: [] };
          entry.total += r.share.exact ?? r.share.min ?? 0;
          entry.claims.push(l);
          stakes.set(key, entry);
        }
        break;
      }
      case 'role':
        needEntity(l, 'person', r.person, 'person');
        needEntity(l, 'org', r.org);
        needOrder(l, r.start, r.end);
        break;
      case 'hierarchy':
        needEntity(l, 'parent', r.parent);
        needEntity(l, 'child', r.child);
        needOrder(l, r.start, r.end);
        break;
      case 'policyLink':
        if (byId.get(r.policy)?.record.type !== 'policy') {
          issues.push(where(l, 'policy', `refers to ${r.policy}, which is not a policy item in the dataset`));
        }
        needEntity(l, 'entity', r.entity);
        break;
      case 'policy': {
        const dates = r.status.map(s => dateBound(s.date, 'earliest'));
        if (dates.some((d, i) => i > 0 && d < dates[i - 1]!)) {
          issues.push(where(l, 'status', 'status history must be in date order, oldest first'));
        }
        break;
      }
      case 'entity':
      case 'meta':
        break;
    }
  }

  for (const [key, { total, claims }] of stakes) {
    if (total > 100 + SHARE_TOLERANCE) {
      const l = claims[claims.length - 1]!;
      issues.push(
        where(l, 'share', `stakes in ${key} add up to ${total}% (${claims.map(c => c.record.id).join(', ')})`),
      );
    }
  }
  return issues;
}

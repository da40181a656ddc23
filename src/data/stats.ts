/** Dataset statistics: counts, sourcing, as-of range and name collisions. */
import { tokenize } from '../match/text.ts';
import { claimAsOf, dateBound } from './checks.ts';
import type { Dataset } from './dataset.ts';

export interface DatasetStats {
  version: string;
  updated: string;
  entities: number;
  byKind: Record<string, number>;
  names: number;
  policyItems: number;
  claims: number;
  ownershipClaims: number;
  roleClaims: number;
  hierarchyClaims: number;
  policyLinks: number;
  claimsWithoutSource: number;
  sources: number;
  oldestAsOf: string | null;
  newestAsOf: string | null;
  /** Names (as the matcher reads them) that belong to more than one entity. */
  collisions: { name: string; entities: string[] }[];
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const byKind: Record<string, number> = {};
  const owners = new Map<string, Set<string>>();
  let names = 0;
  for (const e of dataset.entities) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    for (const n of e.names) {
      names++;
      if (n.match === 'never') continue;
      const key = tokenize(n.text)
        .map(t => t.norm)
        .join(' ');
      const set = owners.get(key) ?? new Set();
      set.add(e.id);
      owners.set(key, set);
    }
  }
  const dates: string[] = [];
  let sources = 0;
  let withoutSource = 0;
  const count = { ownership: 0, role: 0, hierarchy: 0, policyLink: 0 };
  for (const c of dataset.claims) {
    count[c.type]++;
    if (c.sources.length === 0) withoutSource++;
    else dates.push(claimAsOf(c.sources));
    sources += c.sources.length;
  }
  for (const p of dataset.policies) {
    sources += p.sources.length;
    dates.push(claimAsOf(p.sources));
  }
  dates.sort((a, b) => (dateBound(a, 'earliest') < dateBound(b, 'earliest') ? -1 : 1));
  return {
    version: dataset.meta.version,
    updated: dataset.meta.updated,
    entities: dataset.entities.length,
    byKind,
    names,
    policyItems: dataset.policies.length,
    claims: dataset.claims.length,
    ownershipClaims: count.ownership,
    roleClaims: count.role,
    hierarchyClaims: count.hierarchy,
    policyLinks: count.policyLink,
    claimsWithoutSource: withoutSource,
    sources,
    oldestAsOf: dates[0] ?? null,
    newestAsOf: dates[dates.length - 1] ?? null,
    collisions: [...owners]
      .filter(([, ids]) => ids.size > 1)
      .map(([name, ids]) => ({ name, entities: [...ids].sort() }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

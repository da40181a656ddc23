/**
 * Ownership chains and connections between entities, computed from the
 * dataset's claims. Pure: no browser APIs.
 *
 *   chains(TikTok) = [ByteDance (subsidiary) ← SIG (about 15%)]  → effective about 15%
 *
 * Only current claims (no `end`) count. A corporate-parent link (subsidiary,
 * brand, division) has no figure: it is counted as whole control and the
 * chain says so, never shown as a made-up percentage.
 */
import { claimAsOf } from '../data/checks.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Claim, Hierarchy, Ownership } from '../data/schema.ts';
import type { ChainHop, ChainView, EntityRef, OnPageView, SourceView } from '../shared/card.ts';
import { formatShare } from './cards.ts';

interface Up {
  owner: string;
  claim: Ownership | Hierarchy;
  /** The share as a fraction (0–1): the exact figure or a range's midpoint; undefined when undisclosed. */
  fraction?: number;
  approx: boolean;
  whole: boolean;
  label: string;
}

const WHOLE = new Set(['subsidiary', 'brand', 'division']);
const MAX_DEPTH = 6;
const MAX_PATHS = 12;

export class Graph {
  private readonly up = new Map<string, Up[]>();
  private readonly claims: Claim[];

  constructor(
    dataset: Dataset,
    private readonly ref: (id: string) => EntityRef,
  ) {
    this.claims = dataset.claims;
    for (const c of dataset.claims) {
      if (c.type === 'ownership' && !c.end) {
        const s = c.share;
        const fraction = s
          ? (s.exact ?? (s.min !== undefined && s.max !== undefined ? (s.min + s.max) / 2 : undefined))
          : undefined;
        const approx = !!s && (s.approx === true || s.exact === undefined);
        const up: Up = {
          owner: c.owner,
          claim: c,
          approx,
          whole: false,
          label: s ? formatShare(s) : (c.shareText ?? 'share not disclosed'),
        };
        if (fraction !== undefined) up.fraction = fraction / 100;
        this.add(c.asset, up);
      } else if (c.type === 'hierarchy' && !c.end && WHOLE.has(c.relation)) {
        this.add(c.child, { owner: c.parent, claim: c, fraction: 1, approx: false, whole: true, label: c.relation });
      }
    }
  }

  private add(asset: string, up: Up): void {
    const list = this.up.get(asset) ?? [];
    list.push(up);
    this.up.set(asset, list);
  }

  /** Every path from the entity up to an owner with no recorded owner, longest chains included, cycles cut. */
  chains(id: string): ChainView[] {
    const out: ChainView[] = [];
    const walk = (at: string, path: Up[], seen: Set<string>) => {
      if (out.length >= MAX_PATHS) return;
      const ups = (this.up.get(at) ?? []).filter(u => !seen.has(u.owner));
      if ((ups.length === 0 || path.length >= MAX_DEPTH) && path.length > 0) {
        out.push(this.view(path));
        return;
      }
      for (const u of ups) walk(u.owner, [...path, u], new Set([...seen, u.owner]));
    };
    walk(id, [], new Set([id]));
    return out;
  }

  /** Every entity above this one (owners, owners' owners…), with the best effective fraction. */
  ancestors(id: string): Map<string, ChainView> {
    const out = new Map<string, ChainView>();
    const walk = (at: string, path: Up[], seen: Set<string>) => {
      if (path.length >= MAX_DEPTH) return;
      for (const u of this.up.get(at) ?? []) {
        if (seen.has(u.owner)) continue;
        const next = [...path, u];
        if (!out.has(u.owner)) out.set(u.owner, this.view(next));
        walk(u.owner, next, new Set([...seen, u.owner]));
      }
    };
    walk(id, [], new Set([id]));
    return out;
  }

  private view(path: Up[]): ChainView {
    const hops: ChainHop[] = path.map(u => ({
      owner: this.ref(u.owner),
      claimId: u.claim.id,
      share: u.label,
      asOf: claimAsOf(u.claim.sources),
      sources: u.claim.sources.map(sourceView),
    }));
    const view: ChainView = { hops };
    if (path.every(u => u.fraction !== undefined)) {
      const pct = path.reduce((p, u) => p * u.fraction!, 1) * 100;
      const approx = path.some(u => u.approx) || path.filter(u => !u.whole).length > 1;
      view.effective = `${approx ? 'about ' : ''}${round(pct)}%`;
    }
    if (path.some(u => u.whole)) view.assumesWhole = true;
    return view;
  }

  /** How entity `a` is connected to entity `b`, in words from a's side; undefined when it is not. */
  connection(a: string, b: string, policyTitle: (id: string) => string | undefined): string | undefined {
    const name = (id: string) => this.ref(id).name;
    for (const c of this.claims) {
      if ('end' in c && c.end) continue;
      if (c.type === 'ownership') {
        if (c.owner === a && c.asset === b) return `owns ${c.share ? formatShare(c.share) : 'a stake'} of ${name(b)}`;
        if (c.owner === b && c.asset === a)
          return `${name(b)} owns ${c.share ? formatShare(c.share) : 'a stake'} of it`;
      } else if (c.type === 'hierarchy') {
        if (c.parent === a && c.child === b) return `${name(b)} is its ${c.relation}`;
        if (c.parent === b && c.child === a) return `${c.relation} of ${name(b)}`;
      } else if (c.type === 'role') {
        if (c.person === a && c.org === b) return `${c.role}, ${name(b)}`;
        if (c.person === b && c.org === a) return `${name(b)}: ${c.role}`;
      }
    }
    const upA = this.ancestors(a);
    const upB = this.ancestors(b);
    const viaA = upA.get(b);
    if (viaA) return `ultimately owned by ${name(b)}${viaA.effective ? ` (${viaA.effective})` : ''}`;
    const viaB = upB.get(a);
    if (viaB) return `ultimately owns ${viaB.effective ? `${viaB.effective} of ` : 'part of '}${name(b)}`;
    for (const [owner] of upA) if (upB.has(owner)) return `both owned by ${name(owner)}`;
    const policiesOf = (id: string) =>
      new Set(this.claims.flatMap(c => (c.type === 'policyLink' && c.entity === id ? [c.policy] : [])));
    const pa = policiesOf(a);
    for (const p of policiesOf(b)) if (pa.has(p)) return `both in ${policyTitle(p) ?? p}`;
    return undefined;
  }

  /** Connections from `id` to each other page entity it is connected to. */
  onPage(id: string, page: readonly string[], policyTitle: (id: string) => string | undefined): OnPageView[] {
    const out: OnPageView[] = [];
    for (const other of new Set(page)) {
      if (other === id) continue;
      const how = this.connection(id, other, policyTitle);
      if (how) out.push({ other: this.ref(other), how });
    }
    return out;
  }
}

function round(pct: number): string {
  if (pct >= 10) return String(Math.round(pct));
  if (pct >= 1) return pct.toFixed(1).replace(/\.0$/, '');
  return pct.toFixed(2).replace(/0$/, '');
}

function sourceView(s: {
  url: string;
  asOf: string;
  publisher?: string | undefined;
  title?: string | undefined;
}): SourceView {
  const view: SourceView = { url: s.url, asOf: s.asOf };
  if (s.publisher) view.publisher = s.publisher;
  if (s.title) view.title = s.title;
  return view;
}

/**
 * Builds an entity's card from the dataset: owners, holdings, roles and
 * policy context, each with its as-of date and sources. Pure: no browser APIs.
 */
import { claimAsOf, dateBound } from '../data/checks.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Entity, Hierarchy, Ownership, Policy, Share, Source } from '../data/schema.ts';
import type { CardData, EntityRef, OutletView, PolicyView, RoleView, SourceView, StakeView } from '../shared/card.ts';
import { siteOf } from '../shared/settings.ts';
import { Graph } from './graph.ts';

export class CardBuilder {
  private readonly entities = new Map<string, Entity>();
  private readonly policies = new Map<string, Policy>();
  readonly graph: Graph;

  constructor(private readonly dataset: Dataset) {
    for (const e of dataset.entities) this.entities.set(e.id, e);
    for (const p of dataset.policies) this.policies.set(p.id, p);
    this.graph = new Graph(dataset, id => this.ref(id));
  }

  private readonly policyTitle = (id: string) => this.policies.get(id)?.title;

  /** The card with its chain to the ultimate owners and its connections to the page's other entities. */
  buildFor(id: string, page: readonly string[] = []): CardData | null {
    const card = this.build(id);
    if (!card) return null;
    // Chains with a known effective stake first, then the longest.
    const chain = this.graph
      .chains(id)
      .filter(c => c.hops.length > 1)
      .sort((a, b) => Number(!a.effective) - Number(!b.effective) || b.hops.length - a.hops.length);
    if (chain.length > 0) card.chain = chain;
    const onPage = this.graph.onPage(id, page, this.policyTitle);
    if (onPage.length > 0) card.onPage = onPage;
    return card;
  }

  /** How `a` is connected to `b`, from a's side, or undefined. */
  connection(a: string, b: string): string | undefined {
    return this.graph.connection(a, b, this.policyTitle);
  }

  /** The outlet that publishes on this host (or a parent domain of it), if the dataset has one. */
  outletFor(host: string, page: readonly string[] = []): OutletView | null {
    const h = siteOf(host);
    const outlet = this.dataset.entities.find(
      e => e.kind === 'outlet' && (e.domains ?? []).some(d => h === d || h.endsWith(`.${d}`)),
    );
    if (!outlet) return null;
    const card = this.build(outlet.id)!;
    const ancestors = this.graph.ancestors(outlet.id);
    const connected: OutletView['connected'] = [];
    for (const id of new Set(page)) {
      if (id === outlet.id) continue;
      const up = ancestors.get(id);
      if (up) {
        connected.push({ other: this.ref(id), how: `owns this site${up.effective ? ` (${up.effective})` : ''}` });
        continue;
      }
      for (const owner of ancestors.keys()) {
        const how = this.graph.connection(id, owner, this.policyTitle);
        if (how) {
          connected.push({ other: this.ref(id), how: `${how} — ${this.ref(owner).name} owns this site` });
          break;
        }
      }
    }
    return {
      outlet: this.ref(outlet.id),
      owners: card.ownedBy,
      chain: this.graph.chains(outlet.id).filter(c => c.hops.length > 1),
      connected,
    };
  }

  ref(id: string): EntityRef {
    const e = this.entities.get(id);
    return e ? { id, name: e.names[0]!.text, kind: e.kind } : { id, name: id, kind: 'unknown' };
  }

  build(id: string): CardData | null {
    const e = this.entities.get(id);
    if (!e) return null;
    const card: CardData = {
      entity: { ...this.ref(id), description: e.description },
      ownedBy: [],
      owns: [],
      roles: [],
      policy: [],
      dataset: { version: this.dataset.meta.version, updated: this.dataset.meta.updated },
    };
    if (e.country) card.entity.country = e.country;
    if (e.ids?.wikidata) card.entity.wikidata = e.ids.wikidata;
    if (e.website) card.entity.website = e.website;

    for (const c of this.dataset.claims) {
      switch (c.type) {
        case 'ownership':
          if (c.asset === id) card.ownedBy.push(this.stake(c, c.owner));
          if (c.owner === id) card.owns.push(this.stake(c, c.asset));
          break;
        case 'hierarchy':
          if (c.child === id) card.ownedBy.push(this.parentLink(c, c.parent));
          if (c.parent === id) card.owns.push(this.parentLink(c, c.child));
          break;
        case 'role':
          if (c.person === id || c.org === id) {
            const role: RoleView = {
              claimId: c.id,
              role: c.role,
              asOf: claimAsOf(c.sources),
              sources: c.sources.map(sourceView),
            };
            const other = c.person === id ? c.org : c.person;
            if (other) role.other = this.ref(other);
            if (c.start) role.start = c.start;
            if (c.end) role.end = c.end;
            if (c.confidence) role.confidence = c.confidence;
            card.roles.push(role);
          }
          break;
        case 'policyLink':
          if (c.entity === id) {
            const p = this.policies.get(c.policy);
            if (p && !card.policy.some(v => v.id === p.id)) card.policy.push(policyView(p, c.role));
          }
          break;
      }
    }
    card.ownedBy.sort(byStake);
    card.owns.sort(byStake);
    card.roles.sort((a, b) => Number(!!a.end) - Number(!!b.end) || later(a.start, b.start));
    card.policy.sort((a, b) => later(a.status[0]?.date ?? a.date, b.status[0]?.date ?? b.date));
    return card;
  }

  private stake(c: Ownership, other: string): StakeView {
    const view = base(c, this.ref(other), 'stake');
    if (c.share) {
      view.share = formatShare(c.share);
      view.low = c.share.exact ?? c.share.min ?? 0;
      view.high = c.share.exact ?? c.share.max ?? 100;
    } else if (c.shareText) {
      view.share = c.shareText;
    }
    return view;
  }

  private parentLink(c: Hierarchy, other: string): StakeView {
    return base(c, this.ref(other), c.relation);
  }
}

function base(c: Ownership | Hierarchy, other: EntityRef, relation: string): StakeView {
  const view: StakeView = {
    claimId: c.id,
    other,
    relation,
    asOf: claimAsOf(c.sources),
    sources: c.sources.map(sourceView),
  };
  if (c.start) view.start = c.start;
  if (c.end) view.end = c.end;
  if (c.confidence) view.confidence = c.confidence;
  if (c.note) view.note = c.note;
  return view;
}

/** "about 15%", "15%", "25–50%", "more than 75%", "up to 10%". */
export function formatShare(share: Share): string {
  const pct = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1).replace(/\.0$/, '')}%`;
  const about = share.approx ? 'about ' : '';
  if (share.exact !== undefined) return `${about}${pct(share.exact)}`;
  if (share.min !== undefined && share.max !== undefined)
    return `${about}${pct(share.min).slice(0, -1)}–${pct(share.max)}`;
  if (share.min !== undefined) return `at least ${pct(share.min)}`;
  return `up to ${pct(share.max ?? 100)}`;
}

function sourceView(s: Source): SourceView {
  const view: SourceView = { url: s.url, asOf: s.asOf };
  if (s.publisher) view.publisher = s.publisher;
  if (s.title) view.title = s.title;
  return view;
}

function policyView(p: Policy, link: string): PolicyView {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    jurisdiction: p.jurisdiction,
    date: p.date,
    identifiers: Object.entries(p.identifiers ?? {}),
    summary: p.summary,
    link,
    status: [...p.status].reverse().map(s => ({ status: s.status, date: s.date, sources: s.sources.map(sourceView) })),
    sources: p.sources.map(sourceView),
  };
}

/** Current before former, then the largest stake first, then the newest. */
function byStake(a: StakeView, b: StakeView): number {
  return Number(!!a.end) - Number(!!b.end) || (b.high ?? -1) - (a.high ?? -1) || later(a.asOf, b.asOf);
}

function later(a: string | undefined, b: string | undefined): number {
  const da = a ? dateBound(a, 'latest') : '';
  const db = b ? dateBound(b, 'latest') : '';
  return da < db ? 1 : da > db ? -1 : 0;
}

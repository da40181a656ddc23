import { describe, expect, it } from 'vitest';

import { CardBuilder } from '../../src/background/cards.ts';
import { GRAPH_DATASET } from './graph-dataset.ts';

const cards = new CardBuilder(GRAPH_DATASET);

describe('ownership chains and connections', () => {
  it('multiplies an owner\u2019s owner through to the ultimate owners', () => {
    const card = cards.buildFor('company:tiktok', ['company:tiktok', 'company:sig', 'person:jeff-yass'])!;
    const chain = card.chain ?? [];
    const sig = chain.find(c => c.hops.at(-1)!.owner.id === 'company:sig');
    expect(sig, JSON.stringify(chain)).toBeDefined();
    expect(sig!.hops.map(h => h.owner.id)).toEqual(['company:bytedance', 'company:sig']);
    expect(sig!.effective).toBe('about 15%');
    expect(sig!.assumesWhole).toBe(true);
    expect(sig!.hops[1]!.sources.length).toBeGreaterThan(0);
  });

  it('says how the entity is connected to the others on the page', () => {
    const card = cards.buildFor('company:tiktok', ['company:tiktok', 'company:sig', 'company:bytedance'])!;
    const how = Object.fromEntries((card.onPage ?? []).map(o => [o.other.id, o.how]));
    expect(how['company:bytedance']).toMatch(/subsidiary of ByteDance/);
    expect(how['company:sig']).toMatch(/ultimately owned by Susquehanna International Group \(about 15%\)/);
  });

  it('has no outlet for an unknown host', () => {
    expect(cards.outletFor('127.0.0.1', [])).toBeNull();
  });

  it('finds the outlet of a host, its owners and the story entities connected to them', () => {
    const outlet = cards.outletFor('www.daily.example', ['company:sig', 'company:tiktok', 'person:jeff-yass'])!;
    expect(outlet.outlet.name).toBe('The Daily Test');
    expect(outlet.owners.map(o => [o.other.name, o.share])).toEqual([['Jeff Yass', '25–50%']]);
    const how = Object.fromEntries(outlet.connected.map(o => [o.other.id, o.how]));
    expect(how['person:jeff-yass']).toMatch(/owns this site/);
    expect(how['company:sig']).toMatch(/Jeff Yass owns this site/);
    expect(how['company:tiktok']).toMatch(/ultimately owned by Jeff Yass \(about 7%\) — Jeff Yass owns this site/);
  });
});

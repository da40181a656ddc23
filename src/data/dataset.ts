/**
 * The compiled dataset: what the extension's background and the CLI load.
 * Built from the source records by compile.ts; checked there, trusted here.
 */
import { packNameIndex } from '../match/index-pack.ts';
import { PackedIndex } from '../match/packed-index.ts';
import type { Relation } from '../match/types.ts';
import type { Claim, Entity, Meta, Policy } from './schema.ts';

export interface Dataset {
  meta: Omit<Meta, 'type' | 'id'>;
  entities: Entity[];
  policies: Policy[];
  claims: Claim[];
}

/** Pairs of entities the dataset connects, for the matcher's context evidence. */
export function relationsOf(dataset: Dataset): Relation[] {
  const pairs: Relation[] = [];
  const byPolicy = new Map<string, string[]>();
  for (const c of dataset.claims) {
    switch (c.type) {
      case 'ownership':
        pairs.push([c.owner, c.asset]);
        break;
      case 'role':
        if (c.org) pairs.push([c.person, c.org]);
        break;
      case 'hierarchy':
        pairs.push([c.parent, c.child]);
        break;
      case 'policyLink': {
        const list = byPolicy.get(c.policy) ?? [];
        list.push(c.entity);
        byPolicy.set(c.policy, list);
        break;
      }
    }
  }
  // Entities linked to the same policy item are connected to each other.
  for (const members of byPolicy.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) pairs.push([members[i]!, members[j]!]);
    }
  }
  return pairs;
}

/** Entities that own or are owned (the page marks their mentions). */
export function entitiesWithStakes(dataset: Dataset): Set<string> {
  const ids = new Set<string>();
  for (const c of dataset.claims) {
    if (c.type === 'ownership') ids.add(c.owner).add(c.asset);
    if (c.type === 'hierarchy') ids.add(c.parent).add(c.child);
  }
  return ids;
}

/** The dataset's name index, packed: what the build writes to data/index.bin. */
export function packDatasetIndex(dataset: Dataset): Uint8Array {
  return packNameIndex(dataset.entities, relationsOf(dataset), entitiesWithStakes(dataset), dataset.meta.version);
}

export function buildNameIndex(dataset: Dataset): PackedIndex {
  return new PackedIndex(packDatasetIndex(dataset));
}

/**
 * The packed name index: what is written is what is read, bad bytes are refused with a clear
 * message, and the lazily made trie holds every name under its first token.
 */
import { describe, expect, it } from 'vitest';

import { entitiesWithStakes, packDatasetIndex } from '../../src/data/dataset.ts';
import { packNameIndex } from '../../src/match/index-pack.ts';
import { indexNames, PackedIndex } from '../../src/match/packed-index.ts';
import { tokenize } from '../../src/match/text.ts';
import type { MatchEntity } from '../../src/match/types.ts';
import { DATASET } from '../fixtures/dataset.ts';

const index = new PackedIndex(packDatasetIndex(DATASET));
/** Entities are indexed in dataset order. */
const at = (id: string) => DATASET.entities.findIndex(e => e.id === id);

/** Every entry reachable in the trie by a name's normalised tokens. */
function entriesFor(idx: PackedIndex, name: string) {
  const [first, ...rest] = tokenize(name).map(t => t.norm);
  let node = idx.rootNode(first!);
  for (const norm of rest) node = node?.next?.get(norm);
  return node?.entries ?? [];
}

describe('packed name index', () => {
  it('keeps every entity with its id, kind, label, stakes flag and the data version', () => {
    expect(index.entityCount).toBe(DATASET.entities.length);
    expect(index.version).toBe(DATASET.meta.version);
    const withStakes = entitiesWithStakes(DATASET);
    DATASET.entities.forEach((e, i) => {
      expect(index.entity(i)).toEqual({ id: e.id, kind: e.kind });
      expect(index.label(i)).toBe(e.names[0]!.text);
      expect(index.hasStakes(i)).toBe(withStakes.has(e.id));
    });
    expect(withStakes.size).toBeGreaterThan(0);
  });

  it('finds every matchable name of every entity under its tokens, with its policy, case rule and cues', () => {
    let checked = 0;
    DATASET.entities.forEach((e, i) => {
      for (const name of e.names) {
        if (name.match === 'never') continue;
        const entries = entriesFor(index, name.text).filter(x => x.entity === i);
        expect(
          entries.map(x => x.name),
          `${e.id}: ${name.text}`,
        ).toContain(name.text);
        const entry = entries.find(x => x.name === name.text)!;
        expect(entry.kind).toBe(name.kind);
        if (name.cues?.length) expect(entry.cues!.map(c => index.cue(c).text)).toEqual(name.cues);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(20);
    const amazon = entriesFor(index, 'Amazon').find(x => x.name === 'Amazon')!;
    expect(amazon).toMatchObject({ policy: 'context', caseRule: 'title' });
    const ticker = entriesFor(index, 'AMZN')[0]!;
    expect(ticker).toMatchObject({ policy: 'context', caseRule: 'exact', kind: 'ticker' });
    expect(index.cue(amazon.cues![1]!)).toEqual({ text: 'online retailer', tokens: ['online', 'retailer'] });
  });

  it('derives surnames and knows whose they are', () => {
    const yass = at('person:jeff-yass')!;
    expect(index.surnameOf(yass)).toBe('yass');
    expect(index.isSurname('yass')).toBe(true);
    expect(index.isSurname('bytedance')).toBe(false);
    expect(index.surnameOf(at('company:tiktok')!)).toBeUndefined();
  });

  it('connects related entities both ways', () => {
    const yass = at('person:jeff-yass')!;
    const bytedance = at('company:bytedance')!;
    expect([...index.relatedTo(yass)]).toContain(bytedance);
    expect([...index.relatedTo(bytedance)]).toContain(yass);
  });

  it('answers unknown words with nothing', () => {
    expect(index.rootNode('zzzqqq')).toBeUndefined();
    expect(index.rootNode('')).toBeUndefined();
  });

  it('keeps an identical name of the same entity once, and the same name of two entities twice', () => {
    const entities: MatchEntity[] = [
      {
        id: 'company:a',
        kind: 'company',
        names: [
          { text: 'Nestlé', kind: 'primary' },
          { text: 'Nestle', kind: 'alias' },
        ],
      },
      { id: 'company:b', kind: 'company', names: [{ text: 'Nestle', kind: 'primary' }] },
    ];
    const idx = indexNames(entities);
    expect(entriesFor(idx, 'Nestle').map(e => [e.entity, e.name])).toEqual([
      [0, 'Nestlé'],
      [1, 'Nestle'],
    ]);
    expect(idx.nameCount).toBe(2);
  });

  it('finds each of thousands of first tokens through its hash table, and no other word', () => {
    const entities: MatchEntity[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `company:c${i}`,
      kind: 'company',
      names: [{ text: `Word${i.toString(36)} Holdings`, kind: 'primary' }],
    }));
    const idx = indexNames(entities);
    for (let i = 0; i < 5000; i++) {
      expect(entriesFor(idx, `Word${i.toString(36)} Holdings`)[0]?.entity).toBe(i);
    }
    expect(idx.rootNode('word-none')).toBeUndefined();
    expect(idx.rootNode('holdings')).toBeUndefined();
  });

  it('reads an index from a buffer at any offset', () => {
    const bytes = packDatasetIndex(DATASET);
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    const idx = new PackedIndex(shifted.subarray(1));
    expect(idx.entity(0).id).toBe(DATASET.entities[0]!.id);
  });

  it('refuses bytes that are not an index, saying why', () => {
    const bytes = packNameIndex(DATASET.entities);
    expect(() => new PackedIndex(new Uint8Array(10))).toThrow(/not a Stakes name index: 10 bytes is too short/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(() => new PackedIndex(wrongMagic)).toThrow(/wrong signature/);
    const newer = bytes.slice();
    new Uint32Array(newer.buffer)[1] = 99;
    expect(() => new PackedIndex(newer)).toThrow(/version 99/);
    expect(() => new PackedIndex(bytes.slice(0, bytes.byteLength - 64))).toThrow(/out of bounds/);
  });

  it('keeps long names and ids whatever their prefix', () => {
    const long = 'House Select Committee on the Strategic Competition between the United States and the CCP';
    const entities: MatchEntity[] = [
      { id: 'body:china-committee', kind: 'publicBody', names: [{ text: long, kind: 'primary' }] },
      { id: 'committee-without-prefix', kind: 'publicBody', names: [{ text: 'Ways and Means', kind: 'primary' }] },
      {
        id: 'body:ünïcode-ß',
        kind: 'publicBody',
        names: [{ text: 'Bundesnetzagentur für Elektrizität', kind: 'primary' }],
      },
    ];
    const idx = indexNames(entities);
    expect(entities.map((_, i) => idx.entity(i).id)).toEqual(entities.map(e => e.id));
    expect(entriesFor(idx, long)[0]?.name).toBe(long);
    expect(idx.label(0)).toBe(long);
    expect(entriesFor(idx, 'Bundesnetzagentur für Elektrizität')[0]?.entity).toBe(2);
  });

  it('refuses a duplicate entity id', () => {
    const e: MatchEntity = { id: 'company:x', kind: 'company', names: [{ text: 'X Corp', kind: 'primary' }] };
    expect(() => packNameIndex([e, e])).toThrow(/duplicate entity id company:x/);
  });
});

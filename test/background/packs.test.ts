/**
 * The reader's data packs in the background: import all or nothing, replace only after a pack
 * passed, packs that no longer fit kept but not loaded, and the engine answering with pack data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { DataService } from '../../src/background/data-service.ts';
import { assemble, packName, preparePack, type StoredPack } from '../../src/background/pack-set.ts';
import { memoryPackStore } from '../../src/background/pack-store.ts';
import { DATASET } from '../fixtures/dataset.ts';

const SOURCE = '{"url":"https://example.org/pack","asOf":"2026-01-01"}';
const entityLine = (id: string, name: string) =>
  `{"type":"entity","id":"${id}","kind":"company","names":[{"text":"${name}","kind":"primary"}],"description":"a company from a test pack"}`;
const ownershipLine = (owner: string, asset: string) =>
  `{"type":"ownership","id":"own:${owner.split(':')[1]}-${asset.split(':')[1]}","sources":[${SOURCE}],"owner":"${owner}","asset":"${asset}","share":{"exact":40},"shareText":"40%"}`;

const GOOD = [
  entityLine('company:example-widgets', 'Example Widgets Ltd'),
  ownershipLine('company:example-widgets', 'company:tiktok'),
].join('\n');
const FTM = fs.readFileSync(path.resolve(import.meta.dirname, '../data/fixtures/ftm-demo.jsonl'), 'utf8');

function service(packs: StoredPack[] = []) {
  const store = memoryPackStore(packs);
  return { store, data: new DataService(() => Promise.resolve(DATASET), store) };
}

describe('data packs', () => {
  it('imports a valid pack: stored, counted, and the engine matches its names', async () => {
    const { store, data } = service();
    const before = (await data.engine()).match('Example Widgets Ltd bought shares.');
    expect(before).toEqual([]);
    const reply = await data.importPack({ name: 'widgets.jsonl', text: GOOD });
    expect(reply.problems).toEqual([]);
    expect(reply.ok).toBe(true);
    expect(reply.pack).toMatchObject({
      name: 'widgets',
      format: 'stakes',
      counts: { entity: 1, ownership: 1 },
      loaded: true,
    });
    expect((await store.list()).map(p => p.name)).toEqual(['widgets']);
    const after = (await data.engine()).match('Example Widgets Ltd bought shares.');
    expect(after.map(m => m.entityId)).toEqual(['company:example-widgets']);
    const card = (await data.engine()).cards.buildFor('company:tiktok', []);
    expect(JSON.stringify(card)).toContain('Example Widgets Ltd');
  });

  it('rejects a hostile pack with every problem named, and keeps what the reader had', async () => {
    const { store, data } = service();
    expect((await data.importPack({ name: 'widgets.jsonl', text: GOOD })).ok).toBe(true);
    const hostile = [
      entityLine('company:bad', '<img src=x onerror=alert(1)>'),
      `{"type":"ownership","id":"own:x","sources":[{"url":"javascript:alert(1)","asOf":"2026"}],"owner":"company:bad","asset":"company:tiktok"}`,
      '{"type":"entity","id":"company:y","kind":"company","names":[{"text":"Y","kind":"primary"}],"description":"y","__proto__":{"polluted":true}}',
      ownershipLine('company:example-widgets', 'company:sig').replace('"exact":40', '"exact":250'),
      'not json',
    ].join('\n');
    const reply = await data.importPack({ name: 'widgets.jsonl', text: hostile });
    expect(reply.ok).toBe(false);
    const all = reply.problems.join('\n');
    expect(all).toMatch(/widgets:1 .*HTML markup/);
    expect(all).toMatch(/widgets:2 .*javascript: URL is not allowed/);
    expect(all).toMatch(/widgets:3 .*__proto__/);
    expect(all).toMatch(/widgets:4 .*share\.exact/);
    expect(all).toMatch(/widgets:5\b.*not valid JSON/);
    // The earlier pack of the same name is still there and still in use.
    const stored = await store.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.records.map(r => r.id)).toContain('company:example-widgets');
    expect((await data.engine()).match('Example Widgets Ltd').map(m => m.entityId)).toEqual([
      'company:example-widgets',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('replaces a pack of the same name only with one that passed', async () => {
    const { store, data } = service();
    await data.importPack({ name: 'widgets.jsonl', text: GOOD });
    const next = entityLine('company:example-gadgets', 'Example Gadgets Ltd');
    expect((await data.importPack({ name: 'widgets.jsonl', text: next })).ok).toBe(true);
    const stored = await store.list();
    expect(stored.map(p => p.records.map(r => r.id))).toEqual([['company:example-gadgets']]);
    expect((await data.engine()).match('Example Widgets Ltd')).toEqual([]);
  });

  it('refuses a pack that clashes with the bundled data (an id already taken)', async () => {
    const { data } = service();
    const reply = await data.importPack({ name: 'clash', text: entityLine('company:tiktok', 'TikTok Again') });
    expect(reply.ok).toBe(false);
    expect(reply.problems.join('\n')).toMatch(/company:tiktok/);
  });

  it('converts FollowTheMoney entities, citing the source the reader gives for records without one', async () => {
    const { data } = service();
    const undated = await data.importPack({
      name: 'ftm-demo.jsonl',
      text: FTM,
      source: { url: 'https://example.org/ftm-export' },
    });
    expect(undated.ok).toBe(false);
    expect(undated.problems.join('\n')).toMatch(/no date for its source/);
    const reply = await data.importPack({
      name: 'ftm-demo.jsonl',
      text: FTM,
      source: { url: 'https://example.org/ftm-export', publisher: 'Example registry', asOf: '2026-03-01' },
    });
    expect(reply.problems).toEqual([]);
    expect(reply.pack?.format).toBe('ftm');
    expect(reply.pack?.counts.entity).toBeGreaterThan(3);
  });

  it('keeps a stored pack that no longer fits the bundled data, marked not loaded with the reason', () => {
    const { pack } = preparePack(DATASET, [], { name: 'widgets', text: GOOD });
    expect(pack).toBeDefined();
    // The bundled data now has the pack's entity id: the pack no longer validates.
    const base = {
      ...DATASET,
      entities: [...DATASET.entities, { ...pack!.records[0]! } as (typeof DATASET.entities)[0]],
    };
    const { dataset, packs } = assemble(base, [pack!]);
    expect(packs).toEqual([
      expect.objectContaining({
        name: 'widgets',
        loaded: false,
        problem: expect.stringContaining('company:example-widgets'),
      }),
    ]);
    expect(dataset).toBe(base);
  });

  it('names packs from their file names, without markup or paths', () => {
    expect(packName('/home/me/My pack (2).jsonl')).toBe('My pack (2)');
    expect(packName('C:\\x\\<b>evil</b>.json')).toBe('b');
    expect(packName('.jsonl')).toBe('pack');
  });
});

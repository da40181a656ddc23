/**
 * FollowTheMoney entities → our records (src/data/formats/ftm.ts), on invented demo entities
 * (test/data/fixtures/ftm-demo.jsonl); and format detection and readPack (src/data/formats/index.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Dataset } from '../../src/data/dataset.ts';
import { ftmToRecords, parsePercentage } from '../../src/data/formats/ftm.ts';
import { detectFormat, readPack, type ReadPackResult } from '../../src/data/formats/index.ts';
import { describePackIssue } from '../../src/data/pack.ts';
import type { DataRecord, Entity, Ownership, Role } from '../../src/data/schema.ts';
import { DATASET } from '../fixtures/dataset.ts';

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/ftm-demo.jsonl'), 'utf8');
const LINES = FIXTURE.trim().split('\n');
const SOURCE = { url: 'https://example.org/ftm/export', publisher: 'Example exports', asOf: '2025-04-01' };
const report = (r: { issues: Parameters<typeof describePackIssue>[0][] }) => r.issues.map(describePackIssue);
const find = <T extends DataRecord>(r: ReadPackResult, id: string) => r.records.find(x => x.id === id) as T;
/** The fixture with line n (1-based) changed. */
const withLine = (n: number, change: (e: { properties: Record<string, string[]> }) => void) =>
  LINES.map((l, i) => {
    if (i !== n - 1) return l;
    const e = JSON.parse(l);
    change(e);
    return JSON.stringify(e);
  }).join('\n');

describe('ftmToRecords on the demo entities', () => {
  const r = readPack(FIXTURE, DATASET, { file: 'ftm-demo.jsonl', source: SOURCE });

  it('converts every schema: entities, ownership, directorship, employment, membership', () => {
    expect(report(r)).toEqual([]);
    expect(r.format).toBe('ftm');
    const byType: Record<string, number> = {};
    for (const x of r.records) byType[x.type] = (byType[x.type] ?? 0) + 1;
    expect(byType).toEqual({ entity: 7, ownership: 4, role: 4 });
    expect(r.skipped).toEqual({ 'FtM schema Address': 1 });
    expect(r.records.filter((x): x is Entity => x.type === 'entity').map(e => [e.id, e.kind])).toEqual([
      ['company:example-holdings-ltd', 'company'],
      ['company:example-media-group-plc', 'company'],
      ['person:alex-example', 'person'],
      ['person:sam-sample', 'person'],
      ['org:example-foundation', 'organization'],
      ['org:example-nominees', 'organization'],
      ['body:example-ministry-of-demonstrations', 'publicBody'],
    ]);
  });

  it('maps names, identifiers and country', () => {
    expect(find<Entity>(r, 'company:example-holdings-ltd')).toEqual({
      type: 'entity',
      id: 'company:example-holdings-ltd',
      kind: 'company',
      names: [
        { text: 'Example Holdings Ltd', kind: 'primary' },
        { text: 'Example Holdings', kind: 'alias' },
        { text: 'Example Trading Ltd', kind: 'former' },
        { text: 'EHL', kind: 'alias', match: 'never' },
      ],
      description: 'Company (reg. no. 00000001) from FollowTheMoney data.',
      country: 'GB',
      ids: { lei: '5493000EXAMPLE0HLD01' },
      website: 'https://example.org/holdings',
    });
    expect(find<Entity>(r, 'company:example-media-group-plc')).toMatchObject({
      names: [
        { text: 'Example Media Group plc', kind: 'primary' },
        { text: 'Example Media', kind: 'alias' },
      ],
      description: 'Demo media company invented for the Stakes tests.',
      ids: { wikidata: 'Q4115189', cik: '42' },
    });
    expect(find<Entity>(r, 'person:alex-example').description).toBe(
      'Politically exposed person from FollowTheMoney data.',
    );
  });

  it('makes ownership claims with shares, dates and the interval\u2019s own source', () => {
    expect(find<Ownership>(r, 'own:alex-example-example-holdings-ltd')).toEqual({
      type: 'ownership',
      id: 'own:alex-example-example-holdings-ltd',
      sources: [
        {
          url: 'https://example.org/filings/alex-holdings',
          publisher: 'Example Registry',
          asOf: '2025-03-01',
          retrieved: '2025-03-02',
        },
      ],
      owner: 'person:alex-example',
      asset: 'company:example-holdings-ltd',
      share: { exact: 51 },
      shareText: '51%',
      start: '2020-01-15',
    });
    // No sourceUrl: the caller's source, with its as-of date.
    expect(find<Ownership>(r, 'own:example-holdings-ltd-example-media-group-plc')).toMatchObject({
      sources: [{ url: SOURCE.url, publisher: 'Example exports', asOf: '2025-04-01' }],
      share: { min: 75 },
      shareText: '>75%',
      direct: 'direct',
      start: '2021',
    });
    expect(find<Ownership>(r, 'own:example-nominees-example-media-group-plc').share).toEqual({ min: 10, max: 20 });
    expect(find<Ownership>(r, 'own:example-ministry-of-example-media-group-plc-indirect')).toMatchObject({
      share: { exact: 5, approx: true },
      direct: 'indirect',
      end: '2023-12-31',
    });
  });

  it('makes role claims for directorships, employment and membership', () => {
    const roles = r.records.filter((x): x is Role => x.type === 'role').map(x => [x.person, x.org, x.role, x.category]);
    expect(roles).toEqual([
      ['person:sam-sample', 'company:example-media-group-plc', 'Chair of the board', 'board'],
      ['person:alex-example', 'company:example-holdings-ltd', 'Chief Executive', 'position'],
      ['person:sam-sample', 'org:example-foundation', 'Treasurer', 'employment'],
      ['person:alex-example', 'org:example-foundation', 'Member', 'membership'],
    ]);
  });

  it('is stable: the same input makes the same records', () => {
    expect(readPack(FIXTURE, DATASET, { file: 'ftm-demo.jsonl', source: SOURCE })).toEqual(r);
  });
});

describe('ftmToRecords refuses what it cannot cite or trust', () => {
  it('without a source URL or a fallback, names the line and field, and keeps nothing', () => {
    const r = readPack(FIXTURE, DATASET, { file: 'ftm-demo.jsonl' });
    expect(r.ok).toBe(false);
    expect(r.records).toEqual([]);
    expect(report(r)).toEqual([
      'ftm-demo.jsonl:10 record FtM entity demo-own-holdings-media field properties.sourceUrl: has no https source URL; give one for the whole pack (options.source, --source-url)',
    ]);
    const noDate = readPack(FIXTURE, DATASET, { source: { url: SOURCE.url } });
    expect(report(noDate)).toEqual([
      'pack:10 record FtM entity demo-own-holdings-media field properties.sourceUrl: has no date for its source; give one for the whole pack (options.source.asOf, --as-of)',
    ]);
  });

  it('refuses HTML in a name', () => {
    const r = readPack(
      withLine(1, e => (e.properties.name = ['Example <script>alert(1)</script> Ltd'])),
      DATASET,
      { file: 'x.jsonl', source: SOURCE },
    );
    expect(r.ok).toBe(false);
    expect(report(r).join('\n')).toMatch(
      /^x\.jsonl:1 record company:example-script-alert-1-script-ltd \(from FtM entity demo-company-holdings\) field names\.0\.text: contains HTML markup/m,
    );
  });

  it('refuses a javascript: sourceUrl instead of falling back', () => {
    const r = readPack(
      withLine(9, e => (e.properties.sourceUrl = ['javascript:alert(document.cookie)'])),
      DATASET,
      { file: 'x.jsonl', source: SOURCE },
    );
    expect(report(r)).toEqual([
      'x.jsonl:9 record FtM entity demo-own-alex-holdings field properties.sourceUrl.0: a javascript: URL is not allowed',
    ]);
  });

  it('refuses a __proto__ property', () => {
    const text = LINES.map((l, i) =>
      i === 3 ? l.replace('"properties":{', '"properties":{"__proto__":["x"],') : l,
    ).join('\n');
    const r = readPack(text, DATASET, { file: 'x.jsonl', source: SOURCE });
    expect(report(r)).toEqual([
      'x.jsonl:4 record FtM entity demo-person-sam field properties.__proto__: the key "__proto__" is not allowed (prototype pollution)',
    ]);
  });

  it('refuses an absurd percentage', () => {
    const r = readPack(
      withLine(9, e => (e.properties.percentage = ['250%'])),
      DATASET,
      { file: 'x.jsonl', source: SOURCE },
    );
    expect(r.ok).toBe(false);
    expect(report(r).join('\n')).toMatch(
      /^x\.jsonl:9 record own:alex-example-example-holdings-ltd \(from FtM entity demo-own-alex-holdings\) field share\.exact: .*100/m,
    );
  });

  it('refuses stakes that add up to more than 100%', () => {
    const r = readPack(
      withLine(11, e => {
        e.properties.percentage = ['60%'];
        e.properties.modifiedAt = ['2025-04-01'];
        e.properties.sourceUrl = ['https://example.org/filings/nominees-media'];
      }),
      DATASET,
      { source: SOURCE },
    );
    expect(report(r).join('\n')).toMatch(
      /field share: stakes in company:example-media-group-plc @ 2025-04-01 add up to 135%/,
    );
  });

  it('reports dangling references and malformed entities; skips links it cannot express', () => {
    const dangling = readPack(
      withLine(9, e => (e.properties.owner = ['nobody'])),
      DATASET,
      { source: SOURCE },
    );
    expect(report(dangling)).toEqual([
      'pack:9 record FtM entity demo-own-alex-holdings field properties.owner: refers to FtM entity nobody, which is not in the input',
    ]);
    const malformed = ftmToRecords('{"id":"a","schema":"Company","properties":{"name":"Not a list"}}');
    expect(malformed.issues.map(i => `${i.field}: ${i.message}`)).toEqual([
      'properties.name: must be a list of strings',
    ]);
    const companyDirector = ftmToRecords(
      withLine(13, e => (e.properties.director = ['demo-company-holdings'])),
      undefined,
      { source: SOURCE },
    );
    expect(companyDirector.skipped['Directorship of an entity that is not a person']).toBe(1);
    for (const text of ['', 'nonsense', '[1,2]', '{"id":1}', '{"schema":"Person"}\n{']) {
      expect(ftmToRecords(text).issues.length, text).toBeGreaterThan(0);
    }
  });

  it('reuses the reader\u2019s entity with the same Wikidata id', () => {
    const existing: Dataset = structuredClone(DATASET);
    existing.entities.push({
      type: 'entity',
      id: 'company:example-media',
      kind: 'company',
      names: [{ text: 'Example Media', kind: 'primary' }],
      description: 'test',
      ids: { wikidata: 'Q4115189' },
    });
    const r = readPack(FIXTURE, existing, { source: SOURCE });
    expect(report(r)).toEqual([]);
    expect(r.records.some(x => x.id === 'company:example-media-group-plc')).toBe(false);
    expect(r.records.filter(x => x.type === 'ownership' && x.asset === 'company:example-media')).toHaveLength(3);
    expect(r.skipped['already in the dataset']).toBe(1);
  });
});

describe('parsePercentage', () => {
  it.each([
    ['51%', { exact: 51 }],
    ['51', { exact: 51 }],
    ['12,5 %', { exact: 12.5 }],
    ['25-50%', { min: 25, max: 50 }],
    ['25 to 50', { min: 25, max: 50 }],
    ['>75%', { min: 75 }],
    ['at least 10%', { min: 10 }],
    ['<5%', { max: 5 }],
    ['about 15%', { exact: 15, approx: true }],
    ['~3%', { exact: 3, approx: true }],
    ['majority', undefined],
    ['', undefined],
  ])('%s', (text, share) => expect(parsePercentage(text)).toEqual(share));
});

describe('the converters', () => {
  it('are pure: no Node APIs, no code generation, so the extension can run them', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/data/formats');
    const files = fs.readdirSync(dir).filter(f => f.endsWith('.ts'));
    expect(files.sort()).toEqual(['bods.ts', 'common.ts', 'ftm.ts', 'index.ts']);
    for (const f of files) {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(source, f).not.toMatch(/from 'node:|require\(|new Function|\beval\(|\bfetch\(|\bdocument\./);
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) expect(spec, f).toMatch(/^(\.\.?\/|valibot$)/);
    }
  });
});

describe('detectFormat and readPack', () => {
  it('tells the formats apart by their first record', () => {
    expect(detectFormat(FIXTURE)).toBe('ftm');
    expect(detectFormat('[{"statementId":"s1","recordType":"entity"}]')).toBe('bods');
    expect(detectFormat('{"statementId":"s1","recordType":"entity"}\n')).toBe('bods');
    expect(detectFormat('{"type":"entity","id":"company:x"}\n')).toBe('stakes');
    for (const text of ['', 'hello', '[]', '{"type":"spaceship"}', '[{"type":"entity"}]', '{bad'])
      expect(detectFormat(text), text).toBeUndefined();
  });

  it('reads our own format through the pack validator, and refuses an unknown one', () => {
    const own = readPack(
      JSON.stringify({
        type: 'entity',
        id: 'company:acme',
        kind: 'company',
        names: [{ text: 'Acme', kind: 'primary' }],
        description: 'A company in a test pack.',
      }) + '\n',
      DATASET,
    );
    expect(own).toMatchObject({ ok: true, format: 'stakes', skipped: {} });
    expect(report(readPack('hello', DATASET))).toEqual([
      'pack: unknown format: expected Stakes JSON Lines, FollowTheMoney entities or BODS 0.4 statements',
    ]);
    // A forced format that does not fit is refused, not guessed at.
    expect(readPack(FIXTURE, DATASET, { format: 'bods', source: SOURCE }).ok).toBe(false);
  });

  it('keeps the pack limits for converted input', () => {
    const r = readPack(FIXTURE, DATASET, { source: SOURCE, limits: { maxRecords: 5 } });
    expect(report(r)).toEqual(['pack:6: more than 5 records; split the input']);
    const big = readPack(FIXTURE, DATASET, { source: SOURCE, limits: { maxChars: 100 } });
    expect(report(big)[0]).toMatch(/^pack: the input is 0\.0 MB; the limit is 0\.0 MB/);
  });
});

describe('a large broken file', () => {
  it('is reported line by line, not crashed on (no argument spread of its problems)', () => {
    const text = Array.from({ length: 150_000 }, () => '{not json').join('\n');
    for (const format of ['ftm', 'bods'] as const) {
      const result = readPack(text, DATASET, { format, source: SOURCE });
      expect(result.records).toEqual([]);
      expect(result.issues.length).toBeGreaterThanOrEqual(150_000);
      expect(result.issues[0]!.message).toMatch(/not valid JSON/);
    }
  });
});

/**
 * BODS 0.4 → our records (src/data/formats/bods.ts). Statements written here always run; the
 * official examples in ../shared/corpora/bods-examples (checked against the BODS 0.4 JSON Schema
 * with ajv) run when the corpora are beside the repository, and are skipped with a message when not.
 */
import fs from 'node:fs';
import path from 'node:path';

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import type { Dataset } from '../../src/data/dataset.ts';
import { bodsToRecords } from '../../src/data/formats/bods.ts';
import { readPack, type ReadPackResult } from '../../src/data/formats/index.ts';
import { describePackIssue } from '../../src/data/pack.ts';
import type { DataRecord, Entity, Ownership, Role } from '../../src/data/schema.ts';
import { DATASET } from '../fixtures/dataset.ts';

const CORPORA = path.resolve(import.meta.dirname, '../../../shared/corpora');
const EXAMPLES = path.join(CORPORA, 'bods-examples');
const SCHEMA = path.join(CORPORA, 'bods-schema-0.4');
const present = fs.existsSync(EXAMPLES) && fs.existsSync(SCHEMA);
const files = present
  ? fs
      .readdirSync(EXAMPLES)
      .filter(f => f.endsWith('.json'))
      .sort()
  : [];
const example = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

const SOURCE = { url: 'https://example.org/bods/package.json', publisher: 'Example publisher' };
const report = (r: { issues: Parameters<typeof describePackIssue>[0][] }) => r.issues.map(describePackIssue);
const counts = (records: DataRecord[]) => {
  const out: Record<string, number> = {};
  for (const r of records) out[r.type] = (out[r.type] ?? 0) + 1;
  return out;
};
const find = <T extends DataRecord>(r: ReadPackResult, id: string) => r.records.find(x => x.id === id) as T;

/** What each official example converts to with a fallback source: records by type, skipped by reason. */
const EXPECTED: Record<string, { records: Record<string, number>; skipped?: Record<string, number> }> = {
  'bods-package-annotations.json': { records: { entity: 2 }, skipped: { 'relationship without interests': 1 } },
  'bods-package-entity-owning-entity.json': { records: { entity: 2, ownership: 1 } },
  'bods-package-fi-soe.json': { records: { entity: 4, ownership: 5 } },
  'bods-package-linking-annotations.json': { records: { entity: 2, ownership: 1 } },
  'bods-package.json': { records: { entity: 2, ownership: 1 } },
  'fermcat.json': {
    records: { entity: 4, ownership: 3, role: 2 },
    skipped: { 'superseded by a later statement of the same record': 16 },
  },
  'full-pep-declaration.json': { records: { entity: 2, ownership: 2, role: 1 } },
  'indirect-ownership.json': { records: { entity: 3, ownership: 3 } },
  'joint-ownership.json': {
    records: { entity: 3 },
    skipped: { 'entity type arrangement': 1, 'relationship with a skipped party (entity type arrangement)': 3 },
  },
  'levent.json': {
    records: { entity: 2 },
    skipped: {
      'person type anonymousPerson': 1,
      'entity type arrangement': 1,
      'relationship with a skipped party (entity type arrangement)': 3,
    },
  },
  'listed-company-exempt-from-disclosure.json': {
    records: { entity: 1 },
    skipped: { 'relationship without interests': 1 },
  },
  'mixed-direct-and-indirect-ownership.json': { records: { entity: 3, ownership: 4 } },
  'multiple-indirect-ownership.json': { records: { entity: 4, ownership: 5 } },
  'multiple-tax-residencies.json': { records: { entity: 2, ownership: 1 } },
  'mutilple-indirect-ownership-2.json': { records: { entity: 4, ownership: 5 } },
  'nomination.json': {
    records: { entity: 3, ownership: 1 },
    skipped: { 'entity type arrangement': 1, 'relationship with a skipped party (entity type arrangement)': 3 },
  },
  'plc-entity-statement.json': { records: { entity: 1 } },
  'simple-pep-declaration.json': { records: { entity: 2, ownership: 2 } },
  'tecido.json': {
    records: { entity: 3, ownership: 4, role: 1 },
    skipped: { 'superseded by a later statement of the same record': 6 },
  },
};

const skipNote = present ? '' : ' (../shared/corpora/bods-examples absent: skipped)';

describe.skipIf(!present)(`the official BODS 0.4 examples${skipNote}`, () => {
  it('are valid against the BODS 0.4 JSON Schema (ajv, draft 2020-12), and the check can fail', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
    addFormats(ajv);
    for (const f of fs.readdirSync(SCHEMA).filter(f => f.endsWith('.json'))) {
      // The schemas name each other "urn:statement", "urn:components"…, which ajv's URI library
      // cannot serialise; the same names under a placeholder https base resolve the same way.
      const text = fs.readFileSync(path.join(SCHEMA, f), 'utf8').replaceAll('"urn:', '"https://bods.invalid/');
      ajv.addSchema(JSON.parse(text));
    }
    const validate = ajv.getSchema('https://bods.invalid/statement')!;
    expect(files).toHaveLength(19);
    for (const f of files)
      expect(validate(JSON.parse(example(f))), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const broken = JSON.parse(example('indirect-ownership.json'));
    delete broken[0].statementId;
    broken[3].recordDetails.interests[0].share.exact = 'sixty';
    expect(validate(broken)).toBe(false);
  });

  it('every example converts with a fallback source, as listed', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
    for (const f of files) {
      const r = readPack(example(f), DATASET, { file: f, source: SOURCE });
      expect(report(r), f).toEqual([]);
      expect(r.format, f).toBe('bods');
      expect(counts(r.records), f).toEqual(EXPECTED[f]!.records);
      expect(r.skipped, f).toEqual(EXPECTED[f]!.skipped ?? {});
    }
  });

  it('without a fallback, a claim with no https URL is refused naming its statement; nothing throws', () => {
    for (const f of files) {
      const r = readPack(example(f), DATASET, { file: f });
      if (r.ok) continue;
      expect(r.records, f).toEqual([]);
      for (const line of report(r))
        expect(line, f).toMatch(
          new RegExp(`^${f.replace('.', '\\.')} record statement \\S+ field \\S+: has no https source URL`),
        );
    }
    // Statements that carry their own https URL need no fallback.
    expect(readPack(example('bods-package-linking-annotations.json'), DATASET).ok).toBe(true);
    expect(readPack(example('indirect-ownership.json'), DATASET).ok).toBe(false);
  });

  it('a direct stake with a range: MVJ holds 75% or more, under 100%, of JENEX', () => {
    const r = readPack(example('bods-package-entity-owning-entity.json'), DATASET, { source: SOURCE });
    expect(find<Ownership>(r, 'own:mvj-limited-jenex-limited')).toEqual({
      type: 'ownership',
      id: 'own:mvj-limited-jenex-limited',
      sources: [
        {
          url: SOURCE.url,
          publisher: 'Example publisher',
          title: 'BODS statement 85e7cbb2-992d-4bd2-a2f7-1274b1137f6d',
          asOf: '2016-06-30',
        },
      ],
      owner: 'company:mvj-limited',
      asset: 'company:jenex-limited',
      share: { min: 75, max: 100 },
      shareText: 'at least 75%, less than 100%',
      direct: 'direct',
      interest: 'shareholding',
    });
    expect(find<Entity>(r, 'company:jenex-limited').description).toMatch(/GB-COH 03209885/);
  });

  it('a statement with its own https source keeps it, and an exclusive range says so', () => {
    const r = readPack(example('bods-package-linking-annotations.json'), DATASET);
    const own = r.records.find(x => x.type === 'ownership') as Ownership;
    expect(own.sources).toEqual([
      {
        url: 'https://beta.companieshouse.gov.uk/company/10970413',
        publisher: 'A. Journo',
        title: expect.stringMatching(/^BODS statement \S+$/),
        asOf: '2018-03-29',
      },
    ]);
    expect(own).toMatchObject({ owner: 'person:mr-jeremy-hunt', share: { min: 25, max: 50 } });
    expect(own.shareText).toBe('more than 25%, less than 50%');
    expect(own.direct).toBeUndefined();
  });

  it('an indirect chain: Person 1 holds 30% of Company A through Company B, and the links are kept', () => {
    const r = readPack(example('indirect-ownership.json'), DATASET, { source: SOURCE });
    expect(find<Ownership>(r, 'own:person-1-company-a-indirect')).toMatchObject({
      owner: 'person:person-1',
      asset: 'company:company-a',
      share: { exact: 30 },
      direct: 'indirect',
      note: 'Held through Company B.',
      start: '2017-11-01',
    });
    expect(find<Ownership>(r, 'own:company-b-company-a')).toMatchObject({ share: { exact: 60 }, direct: 'direct' });
    const unknown = find<Ownership>(r, 'own:person-1-company-b');
    expect(unknown).toMatchObject({ owner: 'person:person-1', asset: 'company:company-b', direct: 'unknown' });
    expect(unknown.share).toBeUndefined();
    expect(unknown.interest).toBeUndefined();
  });

  it('a politically exposed person: described as such, with the declared office as a role', () => {
    const simple = readPack(example('simple-pep-declaration.json'), DATASET, { source: SOURCE });
    expect(find<Entity>(simple, 'person:michael-hubbard').description).toMatch(/^Politically exposed person /);
    const full = readPack(example('full-pep-declaration.json'), DATASET, { source: SOURCE });
    expect(find<Role>(full, 'role:michael-hubbard-member-of-parliament')).toMatchObject({
      person: 'person:michael-hubbard',
      role: 'Member of Parliament',
      category: 'office',
      start: '2017-10-15',
    });
    // Shares and votes of one holding are two claims, not 25% + 25% of one measure.
    const interests = full.records.filter((x): x is Ownership => x.type === 'ownership').map(o => o.interest);
    expect(interests.sort()).toEqual(['shareholding', 'votingRights']);
  });

  it('reads the latest statement of each record: closed records end, board seats become roles', () => {
    const r = readPack(example('fermcat.json'), DATASET, { source: SOURCE });
    const owns = r.records.filter((x): x is Ownership => x.type === 'ownership');
    const current = owns.filter(o => !o.end);
    expect(current.map(o => [o.owner, o.share?.exact])).toEqual([['person:patrick-odonohue', 100]]);
    expect(owns.find(o => o.owner === 'person:riyadh-byrne-amin')?.end).toBe('2021-04-03');
    expect(r.records.filter(x => x.type === 'role').map(x => (x as Role).role)).toEqual([
      'Board member',
      'Board member',
    ]);
    const tecido = readPack(example('tecido.json'), DATASET, { source: SOURCE });
    expect(find<Ownership>(tecido, 'own:maria-esteves-tecido-ltd')).toMatchObject({
      end: '2023-03-03',
      note: 'The record was closed on 2023-03-03.',
    });
  });

  it('keeps the LEI and a listing as ids; state bodies are public bodies', () => {
    const plc = readPack(example('plc-entity-statement.json'), DATASET);
    expect(find<Entity>(plc, 'company:astrazeneca-plc').ids).toEqual({
      lei: 'PY6ZZQWO2IZFZC3IOL08',
      ticker: 'LSE:AZN',
    });
    const soe = readPack(example('bods-package-fi-soe.json'), DATASET, { source: SOURCE });
    expect(find<Entity>(soe, 'body:suomen-tasavalta')).toMatchObject({
      kind: 'publicBody',
      country: 'FI',
      names: [
        { text: 'Suomen tasavalta', kind: 'primary' },
        { text: 'Republic of Finland', kind: 'alias' },
      ],
    });
  });

  it('reads JSON Lines too, naming the line of each problem', () => {
    const lines = (JSON.parse(example('bods-package-fi-soe.json')) as unknown[]).map(s => JSON.stringify(s));
    const r = readPack(lines.join('\n') + '\n', DATASET, { file: 'soe.jsonl' });
    expect(r.format).toBe('bods');
    expect(report(r).map(l => l.split(' ')[0])).toEqual([
      'soe.jsonl:5',
      'soe.jsonl:6',
      'soe.jsonl:7',
      'soe.jsonl:8',
      'soe.jsonl:9',
    ]);
    expect(readPack(lines.join('\n'), DATASET, { source: SOURCE }).ok).toBe(true);
  });
});

// Statements written here: always run.
const pub = { publicationDate: '2025-01-02', bodsVersion: '0.4', publisher: { name: 'Example Register' } };
const statement = (recordId: string, recordType: string, recordDetails: object, extra: object = {}) => ({
  statementId: `stmt-${recordId}-0000000000000000000000000000`,
  declarationSubject: 'demo-co',
  statementDate: '2025-01-01',
  publicationDetails: pub,
  recordId,
  recordStatus: 'new',
  recordType,
  recordDetails,
  ...extra,
});
const company = (recordId: string, name: string, identifiers: object[] = []) =>
  statement(recordId, 'entity', { isComponent: false, entityType: { type: 'registeredEntity' }, name, identifiers });
const person = (recordId: string, fullName: string) =>
  statement(recordId, 'person', {
    isComponent: false,
    personType: 'knownPerson',
    names: [{ type: 'legal', fullName }],
  });
const holds = (recordId: string, subject: string, party: string, share: object, extra: object = {}) =>
  statement(
    recordId,
    'relationship',
    {
      isComponent: false,
      subject,
      interestedParty: party,
      interests: [{ type: 'shareholding', directOrIndirect: 'direct', share }],
    },
    { source: { type: ['officialRegister'], url: 'https://example.org/register/demo' }, ...extra },
  );
const pack = (...statements: object[]) => JSON.stringify(statements);

describe('bodsToRecords on statements written here', () => {
  const good = () => [
    company('demo-co', 'Example Widgets Ltd'),
    person('demo-person', 'Alex Example'),
    holds('demo-rel', 'demo-co', 'demo-person', { exact: 40 }),
  ];

  it('converts a small package with the statement\u2019s own source', () => {
    const r = readPack(pack(...good()), DATASET, { file: 'demo.json' });
    expect(report(r)).toEqual([]);
    expect(r.records.map(x => x.id)).toEqual([
      'company:example-widgets-ltd',
      'person:alex-example',
      'own:alex-example-example-widgets-ltd',
    ]);
    expect((r.records[2] as Ownership).sources[0]).toMatchObject({
      url: 'https://example.org/register/demo',
      publisher: 'Example Register',
      asOf: '2025-01-01',
    });
  });

  it('reuses the reader\u2019s entities by LEI or by exact name', () => {
    const existing: Dataset = structuredClone(DATASET);
    existing.entities.push({
      type: 'entity',
      id: 'company:widgets',
      kind: 'company',
      names: [{ text: 'Widgets', kind: 'primary' }],
      description: 'test',
      ids: { lei: '5493000EXAMPLE0WID01' },
    });
    const byLei = readPack(
      pack(
        company('demo-co', 'Example Widgets Ltd', [{ scheme: 'XI-LEI', id: '5493000EXAMPLE0WID01' }]),
        person('demo-person', 'Jeff Yass'),
        holds('demo-rel', 'demo-co', 'demo-person', { exact: 40 }),
      ),
      existing,
    );
    expect(report(byLei)).toEqual([]);
    expect(byLei.records).toHaveLength(1);
    expect(byLei.records[0]).toMatchObject({ owner: 'person:jeff-yass', asset: 'company:widgets' });
    expect(byLei.skipped).toEqual({ 'already in the dataset': 2 });
  });

  it('refuses hostile statements with a clear message naming the statement and field', () => {
    const html = readPack(
      pack(company('demo-co', 'Example <img src=x onerror=alert(1)>'), ...good().slice(1)),
      DATASET,
    );
    expect(html.ok).toBe(false);
    expect(report(html).join('\n')).toMatch(
      /record company:example-img-src.* \(from statement stmt-demo-co-\S+\) field names\.0\.text: contains HTML markup/,
    );
    const js = good();
    (js[2] as unknown as { source: { url: string } }).source.url = 'javascript:alert(1)';
    expect(report(readPack(pack(...js), DATASET, { source: SOURCE }))).toEqual([
      'pack record statement stmt-demo-rel-0000000000000000000000000000 field source.url: a javascript: URL is not allowed',
    ]);
    const proto = JSON.stringify(good()).replace('"isComponent":false', '"__proto__":{"polluted":true}');
    expect(report(readPack(proto, DATASET)).join('\n')).toMatch(
      /field recordDetails\.__proto__: the key "__proto__" is not allowed/,
    );
    const absurd = readPack(
      pack(...good().slice(0, 2), holds('demo-rel', 'demo-co', 'demo-person', { exact: 250 })),
      DATASET,
    );
    expect(report(absurd).join('\n')).toMatch(/field share\.exact: .*100/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never invents a URL: an http-only source needs the fallback', () => {
    const http = good();
    (http[2] as unknown as { source: { url: string } }).source.url = 'http://example.org/register/demo';
    const r = readPack(pack(...http), DATASET, { file: 'h.json' });
    expect(report(r)).toEqual([
      'h.json record statement stmt-demo-rel-0000000000000000000000000000 field source.url: has no https source URL; give one for the whole pack (options.source, --source-url)',
    ]);
    const fallback = readPack(pack(...http), DATASET, { source: SOURCE });
    expect((fallback.records[2] as Ownership).sources[0]!.url).toBe(SOURCE.url);
  });

  it('reports references to records that are not in the input, and malformed statements', () => {
    const r = readPack(
      pack(company('demo-co', 'Example Widgets Ltd'), holds('demo-rel', 'demo-co', 'ghost', { exact: 1 })),
      DATASET,
    );
    expect(report(r).join('\n')).toMatch(
      /field recordDetails\.interestedParty: refers to record ghost, which is not in the input/,
    );
    const bad = bodsToRecords(JSON.stringify([{ statementId: 'x', recordType: 'planet' }]));
    expect(bad.issues.map(i => i.field)).toEqual(['recordId', 'recordType', 'recordDetails', 'statementDate']);
  });

  it('never throws on garbage', () => {
    for (const text of ['', 'not json', '[1, "two", null]', '{}', '[{"statementId":5}]', '[[[[[]]]]]', '{"a":1}\n[']) {
      const r = bodsToRecords(text);
      expect(r.records, text).toEqual([]);
      expect(r.issues.length, text).toBeGreaterThan(0);
    }
  });
});

/**
 * Imported data packs (src/data/pack.ts): malformed, enormous, wrong schema or hostile packs are
 * refused as a whole with a report naming line, record and field; good packs pass; the reader's data
 * is never changed.
 */
import { describe, expect, it } from 'vitest';

import { describePackIssue, mergePack, validatePackRecords, validatePackText } from '../../src/data/pack.ts';
import { DATASET } from '../fixtures/dataset.ts';

const src = [{ url: 'https://example.org/filing', asOf: '2025-01-02' }];
const entity = (id: string, name: string, extra: object = {}) => ({
  type: 'entity',
  id,
  kind: 'company',
  names: [{ text: name, kind: 'primary' }],
  description: 'A company in a test pack.',
  ...extra,
});
const own = (id: string, owner: string, asset: string, share: number) => ({
  type: 'ownership',
  id,
  sources: src,
  owner,
  asset,
  share: { exact: share },
});
const jsonl = (...records: unknown[]) => records.map(r => JSON.stringify(r)).join('\n') + '\n';
const report = (r: { issues: Parameters<typeof describePackIssue>[0][] }) => r.issues.map(describePackIssue);

describe('validatePackText', () => {
  it('accepts a good pack that refers to the reader\u2019s entities, and merges without changing them', () => {
    const before = structuredClone(DATASET);
    const pack = validatePackText(
      jsonl(entity('company:acme', 'Acme Widgets'), own('own:acme-tiktok', 'company:acme', 'company:tiktok', 5)),
      { file: 'acme.jsonl', existing: DATASET },
    );
    expect(report(pack)).toEqual([]);
    expect(pack.ok).toBe(true);
    expect(pack.records).toHaveLength(2);
    const merged = mergePack(DATASET, pack);
    expect(merged.entities).toHaveLength(DATASET.entities.length + 1);
    expect(DATASET).toEqual(before);
  });

  it('is all or nothing: one bad record refuses the pack, naming file, line, record and field', () => {
    const pack = validatePackText(
      jsonl(entity('company:acme', 'Acme'), { ...entity('company:bad', 'Bad'), kind: 'spaceship' }),
      { file: 'p.jsonl' },
    );
    expect(pack.ok).toBe(false);
    expect(pack.records).toEqual([]);
    expect(report(pack).join('\n')).toMatch(/^p\.jsonl:2 record company:bad field kind: /);
  });

  it('refuses malformed JSON, an empty pack, a wrong schema', () => {
    expect(report(validatePackText('{"type":"entity",', { file: 'x' }))[0]).toMatch(/^x:1: not valid JSON/);
    expect(report(validatePackText('\n\n', { file: 'x' }))).toEqual(['x: the pack holds no records']);
    const ftm = validatePackText(jsonl({ schema: 'Company', id: 'abc', properties: { name: ['Acme'] } }), {
      file: 'x',
    });
    expect(ftm.ok).toBe(false);
    expect(report(ftm)[0]).toMatch(/^x:1 record abc/);
  });

  it('refuses enormous packs, lines and nesting', () => {
    const big = validatePackText('x'.repeat(2_000), { limits: { maxChars: 1_000 } });
    expect(report(big)).toEqual(['pack: the pack is 0.0 MB; the limit is 0.0 MB']);
    const many = validatePackText(jsonl(...Array.from({ length: 11 }, (_, i) => entity(`company:c${i}`, `C${i}`))), {
      limits: { maxRecords: 10 },
    });
    expect(report(many)[0]).toMatch(/more than 10 records/);
    const line = validatePackText(JSON.stringify(entity('company:a', 'A'.repeat(200))), {
      limits: { maxLineChars: 100 },
    });
    expect(report(line)[0]).toMatch(/line is \d+ characters/);
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = [deep];
    const nested = validatePackText(jsonl({ ...entity('company:a', 'A'), extra: deep }));
    expect(report(nested)[0]).toMatch(/field extra(\.0)+: nested more than 12 levels deep/);
  });

  it('refuses HTML and script in names and text', () => {
    for (const name of [
      '<img src=x onerror=alert(1)>',
      'Acme</p><script>alert(1)</script>',
      'Acme &#60;b&#62;',
      '<!-- x -->Acme',
    ]) {
      const pack = validatePackText(jsonl(entity('company:acme', name)), { file: 'h' });
      expect(pack.ok, name).toBe(false);
      expect(report(pack)[0], name).toMatch(/^h:1 record company:acme field names\.0\.text: contains HTML markup/);
    }
    const desc = validatePackText(jsonl(entity('company:acme', 'Acme', { description: 'Fine <b>bold</b>' })));
    expect(report(desc)[0]).toMatch(/field description: contains HTML markup/);
    // Plain text with ampersands and comparisons is fine.
    expect(
      validatePackText(jsonl(entity('company:att', 'AT&T', { description: 'Stakes < 5% are not listed; R&D.' }))).ok,
    ).toBe(true);
  });

  it('refuses javascript:, data: and other non-https URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://example.org/',
    ]) {
      const pack = validatePackText(jsonl(entity('company:acme', 'Acme', { website: url })), { file: 'u' });
      expect(pack.ok, url).toBe(false);
      expect(report(pack)[0], url).toMatch(/^u:1 record company:acme field website: /);
    }
    const source = validatePackText(
      jsonl(entity('company:acme', 'Acme'), {
        ...own('own:a', 'company:acme', 'company:tiktok', 1),
        sources: [{ url: 'data:,x', asOf: '2025' }],
      }),
      { existing: DATASET },
    );
    expect(report(source).join('\n')).toMatch(/:2 record own:a field sources\.0\.url: a data: URL is not allowed/);
  });

  it('refuses prototype-polluting keys at any depth and pollutes nothing', () => {
    const lines = [
      '{"type":"entity","id":"company:a","__proto__":{"polluted":true},"kind":"company","names":[{"text":"A","kind":"primary"}],"description":"d"}',
      '{"type":"entity","id":"company:b","kind":"company","names":[{"text":"B","kind":"primary","constructor":{"prototype":{"polluted":true}}}],"description":"d"}',
    ];
    const pack = validatePackText(lines.join('\n'), { file: 'p' });
    expect(pack.ok).toBe(false);
    expect(report(pack)).toEqual([
      'p:1 record company:a field __proto__: the key "__proto__" is not allowed (prototype pollution)',
      'p:2 record company:b field names.0.constructor: the key "constructor" is not allowed (prototype pollution)',
    ]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses control and bidi-override characters that disguise a name', () => {
    const pack = validatePackText(jsonl(entity('company:acme', 'Ac\u202Eme')));
    expect(report(pack)[0]).toMatch(/control or bidirectional-override/);
  });

  it('refuses absurd shares and stakes adding up to more than 100%', () => {
    const absurd = validatePackText(
      jsonl(entity('company:acme', 'Acme'), own('own:x', 'company:acme', 'company:tiktok', 1e9)),
      {
        existing: DATASET,
        file: 's',
      },
    );
    expect(report(absurd).join('\n')).toMatch(/^s:2 record own:x field share\.exact: /m);
    const negative = validatePackText(
      jsonl(entity('company:acme', 'Acme'), own('own:x', 'company:acme', 'company:tiktok', -5)),
      {
        existing: DATASET,
      },
    );
    expect(negative.ok).toBe(false);
    const total = validatePackText(
      jsonl(
        entity('company:a1', 'A one'),
        entity('company:a2', 'A two'),
        own('own:a1', 'company:a1', 'company:tiktok', 70),
        own('own:a2', 'company:a2', 'company:tiktok', 70),
      ),
      { existing: DATASET, file: 's' },
    );
    expect(report(total).join('\n')).toMatch(/field share: stakes in company:tiktok .* add up to/);
  });

  it('refuses duplicates of the reader\u2019s ids and dangling references', () => {
    const dup = validatePackText(jsonl(entity('company:tiktok', 'TikTok again')), { existing: DATASET, file: 'd' });
    expect(report(dup)[0]).toMatch(/^d:1 record company:tiktok field id: duplicate id/);
    const dangling = validatePackText(jsonl(own('own:x', 'company:nobody', 'company:tiktok', 1)), {
      existing: DATASET,
      file: 'd',
    });
    expect(report(dangling)[0]).toMatch(/field owner: refers to company:nobody/);
  });
});

describe('validatePackRecords (records converted by another importer)', () => {
  it('validates converted records the same way, numbering them from 1', () => {
    const ok = validatePackRecords([entity('company:acme', 'Acme')], { existing: DATASET });
    expect(ok.ok).toBe(true);
    const bad = validatePackRecords([entity('company:acme', 'Acme'), entity('company:x', '<b>X</b>')], { file: 'ftm' });
    expect(bad.ok).toBe(false);
    expect(bad.records).toEqual([]);
    expect(report(bad)[0]).toMatch(/^ftm:2 record company:x field names\.0\.text/);
    expect(validatePackRecords('nope' as unknown as unknown[]).ok).toBe(false);
  });
});

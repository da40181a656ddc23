import { describe, expect, it } from 'vitest';

import { checkRecords } from '../../src/data/checks.ts';
import { describeIssue, formatRecords, parseRecords } from '../../src/data/records.ts';

const entity = (id: string, extra = '') =>
  `{"type":"entity","id":"${id}","kind":"company","names":[{"text":"${id.split(':')[1]}","kind":"primary"}],"description":"x"${extra}}`;
const source = '[{"url":"https://example.org/a","asOf":"2024"}]';
const meta = '{"type":"meta","id":"meta:dataset","version":"2026.11.26","updated":"2026-11-26","license":"x"}';

function issuesOf(lines: string[]) {
  const { records, issues } = parseRecords('test.jsonl', lines.join('\n'));
  return [...issues, ...checkRecords(records)].map(describeIssue);
}

describe('parseRecords', () => {
  it('names file, line, record and field of a bad value', () => {
    const bad = entity('company:a').replace('"kind":"company"', '"kind":"corp"');
    expect(issuesOf([meta, bad])).toEqual([expect.stringMatching(/^test\.jsonl:2 record company:a field kind: /)]);
  });

  it('reports invalid JSON with its line and keeps reading', () => {
    const { records, issues } = parseRecords('f.jsonl', [meta, '{oops', entity('company:a')].join('\n'));
    expect(issues.map(describeIssue)).toEqual([expect.stringMatching(/^f\.jsonl:2: not valid JSON/)]);
    expect(records).toHaveLength(2);
  });

  it('rejects claims without sources, non-https sources and impossible dates', () => {
    const claim = (sources: string, start = '') =>
      `{"type":"ownership","id":"own:x","sources":${sources},"owner":"company:a","asset":"company:b"${start}}`;
    expect(issuesOf([claim('[]')]).join('\n')).toMatch(/field sources: needs at least one source/);
    expect(issuesOf([claim('[{"url":"http://example.org","asOf":"2024"}]')]).join('\n')).toMatch(
      /must be an https URL/,
    );
    expect(issuesOf([claim('[{"url":"https://example.org","asOf":"2024-02-30"}]')]).join('\n')).toMatch(
      /real calendar date/,
    );
  });

  it('rejects unknown fields', () => {
    expect(issuesOf([meta, entity('company:a', ',"ceo":"x"')]).join('\n')).toMatch(/record company:a .*ceo/);
  });
});

describe('checkRecords', () => {
  it('finds duplicate ids and dangling references', () => {
    const own = `{"type":"ownership","id":"own:x","sources":${source},"owner":"company:a","asset":"company:zz"}`;
    const out = issuesOf([meta, entity('company:a'), entity('company:a'), own]).join('\n');
    expect(out).toMatch(/test\.jsonl:3 record company:a field id: duplicate id, first defined at test\.jsonl:2/);
    expect(out).toMatch(/record own:x field asset: refers to company:zz, which is not an entity/);
  });

  it('finds two entities with the same Wikidata id', () => {
    const out = issuesOf([
      meta,
      entity('company:a', ',"ids":{"wikidata":"Q312"}'),
      entity('company:b', ',"ids":{"wikidata":"Q312"}'),
    ]);
    expect(out).toEqual([
      expect.stringMatching(
        /test\.jsonl:3 record company:b field ids\.wikidata: Q312 is also the Wikidata id of company:a \(test\.jsonl:2\)/,
      ),
    ]);
  });

  it('finds stakes in one asset at one date adding up to more than 100%', () => {
    const own = (id: string, owner: string, exact: number) =>
      `{"type":"ownership","id":"${id}","sources":${source},"owner":"${owner}","asset":"company:c","share":{"exact":${exact}}}`;
    const lines = [meta, entity('company:a'), entity('company:b'), entity('company:c')];
    expect(issuesOf([...lines, own('own:1', 'company:a', 60), own('own:2', 'company:b', 40)])).toEqual([]);
    expect(issuesOf([...lines, own('own:1', 'company:a', 60), own('own:2', 'company:b', 50)]).join('\n')).toMatch(
      /stakes in company:c @ 2024 add up to 110%/,
    );
  });

  it('adds up shares, votes and indirect stakes each on their own', () => {
    const own = (id: string, owner: string, exact: number, extra = '') =>
      `{"type":"ownership","id":"${id}","sources":${source},"owner":"${owner}","asset":"company:c","share":{"exact":${exact}}${extra}}`;
    const lines = [meta, entity('company:a'), entity('company:b'), entity('company:c')];
    const votes = ',"interest":"votingRights"';
    const indirect = ',"direct":"indirect"';
    // 80% of the shares carrying 80% of the votes; a parent's indirect 100% through the direct holder.
    expect(
      issuesOf([
        ...lines,
        own('own:1', 'company:a', 80),
        own('own:2', 'company:a', 80, votes),
        own('own:3', 'company:b', 100, indirect),
      ]),
    ).toEqual([]);
    expect(
      issuesOf([...lines, own('own:1', 'company:a', 80, votes), own('own:2', 'company:b', 30, votes)]).join('\n'),
    ).toMatch(/stakes in company:c @ 2024 \(votingRights\) add up to 110%/);
    expect(
      issuesOf([...lines, own('own:1', 'company:a', 80, indirect), own('own:2', 'company:b', 30, indirect)]).join('\n'),
    ).toMatch(/stakes in company:c @ 2024 \(indirect\) add up to 110%/);
  });

  it('finds a claim that ends before it starts', () => {
    const own = `{"type":"ownership","id":"own:x","sources":${source},"owner":"company:a","asset":"company:b","start":"2024-05","end":"2024-04"}`;
    expect(issuesOf([meta, entity('company:a'), entity('company:b'), own]).join('\n')).toMatch(
      /field end: ends \(2024-04\) before it starts/,
    );
  });
});

describe('formatRecords', () => {
  it('orders keys as the schema does and records by type then id', () => {
    const shuffled = [
      '{"description":"x","names":[{"kind":"primary","text":"B"}],"kind":"company","id":"company:b","type":"entity"}',
      meta,
      entity('company:a'),
    ];
    const { records } = parseRecords('f', shuffled.join('\n'));
    const out = formatRecords(records.map(r => r.record));
    expect(out.split('\n')).toEqual([meta, entity('company:a'), entity('company:b').replace('"b"', '"B"'), '']);
    expect(formatRecords(parseRecords('f', out).records.map(r => r.record))).toBe(out);
  });
});

describe('compileDataset', () => {
  it('fails on bad data, naming file, line, record and field, and lists every problem', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { compileDataset } = await import('../../src/data/compile.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stakes-data-'));
    try {
      const own = `{"type":"ownership","id":"own:x","sources":[{"url":"javascript:alert(1)","asOf":"2024"}],"owner":"company:a","asset":"company:a"}`;
      fs.writeFileSync(path.join(dir, 'bad.jsonl'), [meta, entity('company:a'), own, entity('company:a')].join('\n'));
      expect(() => compileDataset(dir)).toThrowError(
        /2 problems in the dataset:\n.*bad\.jsonl:3 record own:x field sources\.0\.url: .*\n.*bad\.jsonl:4 record company:a field id: duplicate id/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

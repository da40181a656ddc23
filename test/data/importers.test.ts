/**
 * The corpus importers, on tiny corpora written here; and, when the real
 * corpora are beside the repository (../shared/corpora), a check that
 * re-running every importer reproduces the committed source files exactly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';

import { afterAll, describe, expect, it } from 'vitest';

import { datasetCommand } from '../../src/cli/dataset.ts';
import { SOURCES_DIR } from '../../src/data/compile.ts';
import { importCongress } from '../../src/data/importers/congress.ts';
import { DEFAULT_CORPORA, IMPORTERS, runImporter } from '../../src/data/importers/index.ts';
import { hostOf, importOutlets } from '../../src/data/importers/outlets.ts';
import { importSp500, listedName } from '../../src/data/importers/sp500.ts';
import { isAmbiguous } from '../../src/data/importers/words.ts';
import { DataError, formatRecords } from '../../src/data/records.ts';
import type { DataRecord, Entity, Role } from '../../src/data/schema.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stakes-importers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

const byId = (records: DataRecord[], id: string) => records.find(r => r.id === id);
const entity = (records: DataRecord[], id: string) => byId(records, id) as Entity | undefined;

const existingPerson: Entity = {
  type: 'entity',
  id: 'person:jane-curated',
  kind: 'person',
  names: [{ text: 'Jane Curated', kind: 'primary' }],
  description: 'curated',
  ids: { bioguide: 'C000001' },
};
const existingBody: Entity = {
  type: 'entity',
  id: 'body:curated-select',
  kind: 'publicBody',
  names: [{ text: 'House Select Committee on Widgets', kind: 'primary' }],
  description: 'curated',
};

const corpora = path.join(tmp, 'corpora');
write(
  corpora,
  'congress-legislators/legislators-current.yaml',
  `- id: {bioguide: S000001, wikidata: Q1, wikipedia: Bernie Example}
  name: {first: Bernard, last: Example, nickname: Bernie, official_full: Bernard Example}
  bio: {gender: M}
  terms:
  - {type: rep, start: '1991-01-03', end: '1993-01-03', state: VT, district: 0, party: Independent}
  - {type: sen, start: '2025-01-03', end: '2031-01-03', state: VT, party: Independent, caucus: Democrat}
  leadership_roles:
  - {title: Senate Outreach Chair, chamber: senate, start: '2025-01-03'}
  - {title: Senate Old Chair, chamber: senate, start: '2019-01-03', end: '2021-01-03'}
- id: {bioguide: S000002, wikidata: Q2, wikipedia: Adam Sample (politician)}
  name: {first: Adam, last: Sample}
  bio: {gender: M}
  terms:
  - {type: rep, start: '2025-01-03', end: '2027-01-03', state: WA, district: 9, party: Democrat}
- id: {bioguide: C000001}
  name: {first: Jane, last: Curated}
  terms:
  - {type: rep, start: '2025-01-03', end: '2027-01-03', state: MI, district: 4, party: Republican}
`,
);
write(
  corpora,
  'congress-legislators/committees-current.yaml',
  `- type: house
  name: House Committee on the Judiciary
  thomas_id: HSJU
  url: https://judiciary.house.gov/
  subcommittees:
  - {name: The Constitution and Limited Government, thomas_id: '10'}
- type: house
  name: House Select Committee on Widgets
  thomas_id: HSWX
`,
);
write(
  corpora,
  'congress-legislators/committee-membership-current.yaml',
  `HSJU:
- {name: Adam Sample, party: majority, rank: 1, title: Chairman, bioguide: S000002}
- {name: Jane Curated, party: minority, rank: 1, bioguide: C000001}
HSJU10:
- {name: Adam Sample, party: majority, rank: 1, title: Chair, bioguide: S000002}
- {name: Jane Curated, party: minority, rank: 2, bioguide: C000001}
HSWX:
- {name: Jane Curated, party: minority, rank: 1, title: Ranking Member, bioguide: C000001}
- {name: Gone Member, party: minority, rank: 2, bioguide: X000009}
`,
);
write(
  corpora,
  'congress-legislators/executive.yaml',
  `- id: {bioguide: P000001, wikidata: Q10}
  name: {first: Paula, last: President, official_full: Paula President}
  terms:
  - {type: prez, start: '2017-01-20', end: '2021-01-20', party: Republican}
  - {type: prez, start: '2025-01-20', end: '2029-01-20', party: Republican}
- id: {bioguide: O000001}
  name: {first: Otto, last: Other}
  terms:
  - {type: prez, start: '2021-01-20', end: '2025-01-20', party: Democrat}
- id: {bioguide: V000001, wikidata: Q11}
  name: {first: Vera, last: Vice}
  terms:
  - {type: viceprez, start: '2025-01-20', end: '2029-01-20', party: Republican}
`,
);
write(
  corpora,
  'sp500-constituents/constituents.csv',
  `Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded
AAPL,Apple Inc.,Information Technology,"Technology Hardware, Storage & Peripherals","Cupertino, California",1982-11-30,320193,1977
GOOGL,Alphabet Inc. (Class A),Communication Services,Interactive Media & Services,"Mountain View, California",2006-04-03,1652044,1998
GOOG,Alphabet Inc. (Class C),Communication Services,Interactive Media & Services,"Mountain View, California",2014-04-03,1652044,1998
AMZN,Amazon,Consumer Discretionary,Broadline Retail,"Seattle, Washington",2005-11-18,1018724,1994
HIG,Hartford (The),Financials,Property & Casualty Insurance,"Hartford, Connecticut",1957-03-04,874766,1810
LLY,Lilly (Eli),Health Care,Pharmaceuticals,"Indianapolis, Indiana",1970-12-31,59478,1876
ACN,Accenture,Information Technology,IT Consulting & Other Services,"Dublin, Ireland",2011-07-06,1467373,1989
SO,Southern Company,Utilities,Electric Utilities,"Atlanta, Georgia",1957-03-04,92122,1945
NVDA,Nvidia,Information Technology,Semiconductors,"Santa Clara, California",2001-11-30,1045810,1993
`,
);
write(
  corpora,
  'local-news-outlets/local_news_dataset_2018.csv',
  `name,state,website,domain,twitter,youtube,facebook,owner,medium,source,collection_date
KAAA,WA,http://www.kaaa.com/,kaaa.com,,,,Old Owner,TV station,stationindex,2018-08-02
KAAA,WA,kaaa.com,kaaa.com,,,,Sinclair,TV station,sbgi.net,2018-08-02
KBBB,WA,http://www.shared4.com/,shared4.com,,,,Sinclair Broadcast Group,TV station,stationindex,2018-08-02
KBBB-LP,WA,http://www.shared4.com/,shared4.com,,,,Sinclair,TV station,stationindex,2018-08-02
KCCC,OR,http://www.facebook.com/kccc,facebook.com,,,,Small Media LLC,TV station,stationindex,2018-08-02
KDDD,OR,http://www.kddd.com/,kddd.com,,,,Jeff Chang,TV station,stationindex,2018-08-02
KEEE,AZ,http://www.asu.edu/,asu.edu,,,,Arizona State University,TV station,stationindex,2018-08-02
KFFF,AZ,http://kfff.asu.edu/,asu.edu,,,,Arizona State University,TV station,stationindex,2018-08-02
Springfield Daily News,IL,https://www.sdn.com,sdn.com,,,,Small Media,Newspapers,User Input,2018-10-24
KGGG,IL,,,,,,Small Media,TV station,stationindex,2018-08-02
KHHH,IL,http://www.khhh.com/,khhh.com,,,,,TV station,stationindex,2018-08-02
`,
);

describe('the word rule', () => {
  it('finds common words, places, names and short acronyms ambiguous, and distinctive names not', () => {
    for (const name of [
      'Apple',
      'Target',
      'The Hartford',
      'Moody’s',
      'Eli Lilly',
      'State Street',
      'HP',
      'AES',
      'S&P',
    ]) {
      expect(isAmbiguous(name), name).toBe(true);
    }
    for (const name of ['Nvidia', 'Home Depot', 'Coca-Cola', 'Sinclair Broadcast Group']) {
      expect(isAmbiguous(name), name).toBe(false);
    }
  });

  it('reads listed names', () => {
    expect(listedName('Alphabet Inc. (Class A)')).toBe('Alphabet Inc.');
    expect(listedName('Hartford (The)')).toBe('The Hartford');
    expect(listedName('Lilly (Eli)')).toBe('Eli Lilly');
  });
});

describe('importCongress', () => {
  const records = importCongress({ corpora, existing: [existingPerson, existingBody] });

  it('makes members with official, plain, nickname and Wikipedia names, ids and a description', () => {
    const bernie = entity(records, 'person:bernie-example')!;
    expect(bernie.names.map(n => n.text)).toEqual(['Bernard Example', 'Bernie Example']);
    expect(bernie.ids).toEqual({ wikidata: 'Q1', bioguide: 'S000001' });
    expect(bernie.description).toBe('U.S. Senator from Vermont (Independent; caucuses with the Democrats)');
    expect(bernie.country).toBe('US');
  });

  it('makes names that Wikipedia must disambiguate need context, with news-style cues', () => {
    const adam = entity(records, 'person:adam-sample')!;
    expect(adam.description).toBe("U.S. Representative for Washington's 9th district (Democrat)");
    expect(adam.names).toEqual([
      {
        text: 'Adam Sample',
        kind: 'primary',
        match: 'context',
        cues: ['D-Wash.', 'D-WA', 'Rep. Sample', 'Representative Sample', 'Congressman Sample'],
      },
    ]);
  });

  it('reuses an existing person (by bioguide) and committee (by name) without emitting them again', () => {
    expect(byId(records, 'person:jane-curated')).toBeUndefined();
    expect(byId(records, 'body:curated-select')).toBeUndefined();
    const office = byId(records, 'role:jane-curated-us-representative') as Role;
    expect(office).toMatchObject({
      person: 'person:jane-curated',
      role: 'U.S. Representative',
      category: 'office',
      start: '2025-01-03',
    });
    expect(byId(records, 'role:jane-curated-curated-select')).toMatchObject({
      org: 'body:curated-select',
      role: 'Ranking Member',
    });
  });

  it('sources every claim to the file at the commit, as of the commit date', () => {
    const office = byId(records, 'role:bernie-example-us-senator') as Role;
    expect(office.sources).toEqual([
      {
        url: 'https://github.com/unitedstates/congress-legislators/blob/dfa9622263dd4c8d08636926e498f1845704d7eb/legislators-current.yaml',
        publisher: 'unitedstates/congress-legislators (GitHub)',
        title: 'legislators-current.yaml',
        asOf: '2026-06-15',
      },
    ]);
    expect(office.note).toBe('Current term ends 2031-01-03; first took office in this chamber on 2025-01-03.');
    expect(byId(records, 'role:bernie-example-senate-outreach-chair')).toMatchObject({
      role: 'Senate Outreach Chair',
      category: 'position',
    });
    expect(byId(records, 'role:bernie-example-senate-old-chair')).toBeUndefined();
  });

  it('makes committees with short names, subcommittees in a hierarchy, and member roles', () => {
    const judiciary = entity(records, 'body:house-judiciary-committee')!;
    expect(judiciary.names.map(n => n.text)).toEqual(['House Committee on the Judiciary', 'House Judiciary Committee']);
    expect(judiciary.website).toBe('https://judiciary.house.gov/');
    const sub = entity(records, 'body:house-judiciary-subcommittee-constitution-limited-government')!;
    expect(sub.names[0]!.text).toBe('House Judiciary Subcommittee on the Constitution and Limited Government');
    expect(byId(records, `hier:${sub.id.slice(5)}`)).toMatchObject({
      parent: judiciary.id,
      child: sub.id,
      relation: 'subcommittee',
    });
    expect(byId(records, 'role:adam-sample-house-judiciary-committee')).toMatchObject({
      role: 'Chair',
      category: 'position',
    });
    expect(byId(records, 'role:jane-curated-house-judiciary-committee')).toMatchObject({
      role: 'Member',
      category: 'membership',
    });
    expect(byId(records, `role:adam-sample-${sub.id.slice(5)}`)).toMatchObject({ role: 'Chair' });
    // Plain subcommittee membership is left out; so is anyone who is not a current member.
    expect(byId(records, `role:jane-curated-${sub.id.slice(5)}`)).toBeUndefined();
    expect(records.some(r => r.type === 'role' && r.person.includes('gone'))).toBe(false);
  });

  it('numbers the current President and Vice President as the offices count them', () => {
    expect(byId(records, 'role:paula-president-president-3')).toMatchObject({
      role: '3rd President of the United States',
      start: '2025-01-20',
    });
    expect(byId(records, 'role:vera-vice-vice-president-1')).toMatchObject({
      role: '1st Vice President of the United States',
    });
    expect(byId(records, 'person:otto-other')).toBeUndefined(); // not in office at the corpus date
  });

  it('is deterministic', () => {
    const again = importCongress({ corpora, existing: [existingPerson, existingBody] });
    expect(formatRecords(again)).toBe(formatRecords(records));
  });
});

describe('importSp500', () => {
  const amazon: Entity = {
    type: 'entity',
    id: 'company:amazon',
    kind: 'company',
    names: [{ text: 'Amazon', kind: 'primary' }],
    description: 'curated',
    ids: { cik: '1018724' },
  };
  const records = importSp500({ corpora, existing: [amazon] });

  it('makes one company per CIK and skips companies that exist', () => {
    expect(records.map(r => r.id).sort()).toEqual([
      'company:accenture',
      'company:alphabet',
      'company:apple',
      'company:eli-lilly',
      'company:hartford',
      'company:nvidia',
      'company:southern',
    ]);
    expect(
      entity(records, 'company:alphabet')!
        .names.filter(n => n.kind === 'ticker')
        .map(n => n.text),
    ).toEqual(['GOOGL', 'GOOG']);
  });

  it('keeps a suffixed name unconditional and makes a common-word short name need context', () => {
    const apple = entity(records, 'company:apple')!;
    expect(apple.names[0]).toEqual({ text: 'Apple Inc.', kind: 'primary', match: 'always' });
    expect(apple.names[1]).toMatchObject({ text: 'Apple', kind: 'alias', match: 'context' });
    expect(apple.names[1]!.cues).toContain('iPhone');
    expect(apple.names[2]).toEqual({ text: 'AAPL', kind: 'ticker', match: 'context', case: 'exact' });
    expect(apple.ids).toEqual({ cik: '320193' });
    expect(apple.description).toBe(
      'Technology Hardware, Storage & Peripherals company (Information Technology) headquartered in Cupertino, California',
    );
  });

  it('gives ambiguous listed names context and leaves out ambiguous short names without cues', () => {
    expect(entity(records, 'company:hartford')!.names[0]).toMatchObject({ text: 'The Hartford', match: 'context' });
    expect(entity(records, 'company:eli-lilly')!.names[0]).toMatchObject({ text: 'Eli Lilly', match: 'context' });
    expect(entity(records, 'company:southern')!.names.map(n => n.text)).toEqual(['Southern Company']);
    expect(entity(records, 'company:nvidia')!.names[0]).toEqual({ text: 'Nvidia', kind: 'primary', match: 'always' });
  });

  it('sets the country from the headquarters', () => {
    expect(entity(records, 'company:accenture')!.country).toBe('IE');
    expect(entity(records, 'company:nvidia')!.country).toBe('US');
  });
});

describe('importOutlets', () => {
  const records = importOutlets({ corpora, existing: [] });
  const outlets = records.filter((r): r is Entity => r.type === 'entity' && r.kind === 'outlet');

  it('makes one outlet per website, never matched by call sign, owned as of 2018', () => {
    expect(outlets.map(o => [o.id, o.domains])).toEqual([
      ['outlet:kaaa', ['kaaa.com']],
      ['outlet:kbbb', ['shared4.com']],
      ['outlet:kfff', ['kfff.asu.edu']],
      ['outlet:springfield-daily-news', ['sdn.com']],
    ]);
    const kbbb = entity(records, 'outlet:kbbb')!;
    expect(kbbb.names).toEqual([
      { text: 'KBBB', kind: 'primary', match: 'never' },
      { text: 'KBBB-LP', kind: 'alias', match: 'never' },
    ]);
    expect(byId(records, 'own:sinclair-broadcast-group-kbbb')).toMatchObject({
      owner: 'company:sinclair-broadcast-group',
      asset: 'outlet:kbbb',
      shareText: 'owner',
      confidence: 'medium',
      sources: [
        {
          url: expect.stringMatching(/^https:\/\/github\.com\/yinleon\/LocalNewsDataset\/blob\/d97f2f86/),
          asOf: '2018',
        },
      ],
    });
  });

  it("prefers an owner's own station list over stationindex.com, and merges an owner's spellings", () => {
    expect(byId(records, 'own:sinclair-broadcast-group-kaaa')).toBeDefined();
    expect(records.some(r => r.type === 'entity' && r.names[0]!.text === 'Old Owner')).toBe(false);
    const sinclair = entity(records, 'company:sinclair-broadcast-group')!;
    expect(sinclair.names.map(n => [n.text, n.match])).toEqual([
      ['Sinclair Broadcast Group', 'always'],
      ['Sinclair', 'context'],
    ]);
    expect(entity(records, 'company:small-media')!.names).toEqual([
      { text: 'Small Media LLC', kind: 'primary', match: 'never' },
    ]);
  });

  it('leaves out platforms, institutions’ whole domains, private owners and rows without a site', () => {
    const names = outlets.flatMap(o => o.names.map(n => n.text));
    for (const gone of ['KCCC', 'KDDD', 'KEEE', 'KGGG', 'KHHH']) expect(names).not.toContain(gone);
    expect(hostOf('http://www.facebook.com/x', 'facebook.com')).toBe('facebook.com');
    expect(hostOf('https://news.example.edu/tv', 'example.edu')).toBe('news.example.edu');
    expect(hostOf('', 'example.edu')).toBeUndefined();
  });

  it('lets a multi-word newspaper name be matched', () => {
    expect(entity(records, 'outlet:springfield-daily-news')!.names[0]!.match).toBe('always');
  });
});

describe('stakes dataset import', () => {
  const dir = path.join(tmp, 'sources');
  write(dir, 'meta.jsonl', fs.readFileSync(path.join(SOURCES_DIR, 'meta.jsonl'), 'utf8'));

  it('writes each file, and a second run changes nothing', () => {
    for (const { name } of IMPORTERS) {
      const first = runImporter(name, { dir, corpora });
      expect(first.changed, name).toBe(true);
      expect(runImporter(name, { dir, corpora }).changed, name).toBe(false);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['congress.jsonl', 'local-outlets.jsonl', 'meta.jsonl', 'sp500.jsonl']);
  });

  it('reports progress and the result through the CLI', () => {
    const out = new PassThrough();
    const err = new PassThrough();
    expect(datasetCommand(['import', 'sp500', '--corpora', corpora], dir, out, err)).toBe(0);
    expect(String(out.read())).toMatch(/^sp500: 8 records → .*sp500\.jsonl \(unchanged\)\n$/);
  });

  it('names the missing corpus file', () => {
    const missing = path.join(tmp, 'nowhere');
    const run = () =>
      datasetCommand(['import', 'outlets', '--corpora', missing], dir, new PassThrough(), new PassThrough());
    expect(run).toThrow(DataError);
    expect(run).toThrow(path.join(missing, 'local-news-outlets/local_news_dataset_2018.csv'));
  });
});

const haveCorpora = fs.existsSync(DEFAULT_CORPORA);

describe('the committed imported sources', () => {
  it.skipIf(!haveCorpora)(
    `are what the importers make from ${haveCorpora ? DEFAULT_CORPORA : '../shared/corpora (absent: skipped)'}`,
    () => {
      for (const { name, file } of IMPORTERS) {
        const { text } = runImporter(name, { dir: SOURCES_DIR, corpora: DEFAULT_CORPORA, write: false });
        const committed = fs.readFileSync(path.join(SOURCES_DIR, file), 'utf8');
        expect(
          text === committed,
          `${file} differs from a fresh import: run \`node bin/stakes.mjs dataset import ${name}\``,
        ).toBe(true);
      }
    },
    60_000,
  );
});

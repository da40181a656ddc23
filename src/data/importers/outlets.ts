/**
 * Local news outlets and their owners (2018) → src/data/sources/local-outlets.jsonl.
 *
 * Corpus: yinleon/LocalNewsDataset, data/local_news_dataset_2018.csv at commit
 * d97f2f86 (MIT), collected in 2018. Only rows with an owner and a usable web
 * address are used: the outlets are there to answer "who owns the site I am
 * reading", by domain, so their names are never matched in text (except
 * distinctive newspaper names such as "San Francisco Chronicle").
 *
 * One outlet per web host: stations that share a website become one outlet
 * with every call sign as a name. A host is left out when its rows disagree
 * about the owner, when it is shared by more than MAX_SHARED outlets (a
 * network's or a platform's site, not a local outlet's), or when it is an
 * institution's whole domain (a university's, a state's).
 *
 * Each owner becomes an entity (reusing an existing one with the same name).
 * OWNERS below merges the corpus's spellings of one owner and gives the
 * best-known owners names that may be matched in text; every other owner is
 * shown on cards only ("never"). Rows owned by private individuals are left out.
 */
import path from 'node:path';

import type { DataRecord, Entity, Name, Source } from '../schema.ts';
import { clean, Counter, Existing, parseCsv, readCorpus, slugify, STATE_NAMES, type ImportInput } from './common.ts';
import { stripLegal } from './words.ts';

export const OUTLETS_FILE = 'local-news-outlets/local_news_dataset_2018.csv';
const SOURCE: Source = {
  url: 'https://github.com/yinleon/LocalNewsDataset/blob/d97f2f86aa7da3813f6e388e637f9e7350e53178/data/local_news_dataset_2018.csv',
  publisher: 'LocalNewsDataset (GitHub)',
  title: 'local_news_dataset_2018.csv',
  asOf: '2018',
};
/** A host shared by more outlets than this is a network's or a platform's site. */
const MAX_SHARED = 10;
/** Sites that are not a local outlet's own, whatever rows point to them. */
const PLATFORM_HOSTS = new Set(['facebook.com', 'twitter.com', 'youtube.com', 'instagram.com', 'tvtv.com', 'sbgi.net']);

interface OwnerSpec {
  /** The corpus's spellings of this owner (typos included), compared case-insensitively. */
  raw: string[];
  /** A well-known owner whose name may be matched in text; other owners are shown on cards only. */
  known?: true;
  kind?: Entity['kind'];
  names?: Name[];
  description?: string;
}

const BROADCASTER_CUES = ['broadcaster', 'TV stations', 'television stations', 'local stations', 'station group'];
const always = (text: string, kind: Name['kind'] = 'alias'): Name => ({ text, kind, match: 'always' });

/** Owners by display name. */
const OWNERS: Record<string, OwnerSpec> = {
  'Sinclair Broadcast Group': {
    known: true,
    raw: ['Sinclair', 'Sinclair Broadcasting Group'],
    names: [{ text: 'Sinclair', kind: 'alias', match: 'context', cues: BROADCASTER_CUES }],
  },
  'Nexstar Media Group': {
    known: true,
    raw: ['Nexstar', 'Nexstar Broadcasting', 'Nexstar Broadcasting Group'],
    names: [always('Nexstar'), always('Nexstar Broadcasting Group', 'former')],
  },
  'Tribune Media': {
    known: true,
    raw: ['Tribune', 'Tribune Broadcasting', 'Tribune Company'],
    names: [always('Tribune Media Company'), always('Tribune Broadcasting')],
    description: 'US broadcasting company that owned local TV stations; acquired by Nexstar in 2019.',
  },
  Tegna: { known: true, raw: ['Tegna Media', 'Tenga'], names: [always('Tegna Inc.'), always('Tegna Media')] },
  'Gray Television': { known: true, raw: ['Gray Televisoin'] },
  Hearst: {
    raw: ['Hearst Television', 'Hearst Corporation'],
    names: [
      {
        text: 'Hearst',
        kind: 'primary',
        match: 'context',
        cues: ['Hearst Television', 'Hearst Newspapers', 'Hearst Magazines', 'media company'],
      },
      always('Hearst Corporation'),
      always('Hearst Communications'),
      always('Hearst Television'),
    ],
    description: 'US media company (Hearst Communications); Hearst Television runs its local TV stations.',
  },
  'Meredith Corporation': {
    known: true,
    raw: ['Meredith'],
    description:
      'US media company that owned magazines and local TV stations; its stations went to Gray Television in 2021.',
  },
  'E. W. Scripps Company': {
    known: true,
    raw: ['E.W. Scripps'],
    names: [
      always('E.W. Scripps'),
      always('E. W. Scripps'),
      { text: 'Scripps', kind: 'alias', match: 'context', cues: BROADCASTER_CUES },
    ],
  },
  'Ion Media Networks': { known: true, raw: ['ION Media Networks'], names: [always('Ion Media')] },
  'Univision Communications': { known: true, raw: ['Univision'], names: [always('Univision')] },
  'Entravision Communications': { known: true, raw: ['Entravision'], names: [always('Entravision')] },
  'Raycom Media': { known: true, raw: ['Raycom'], names: [always('Raycom')] },
  NBCUniversal: { known: true, raw: ['NBC Universal', 'NBC'], names: [always('NBC Universal')] },
  'CBS Corporation': { known: true, raw: ['CBS'] },
  ABC: { raw: ['ABC'], names: [{ text: 'ABC', kind: 'primary', match: 'never' }] },
  'Fox Television Stations': { known: true, raw: [] },
  'Cox Media Group': { known: true, raw: [] },
  'Graham Media Group': { known: true, raw: [] },
  'Hubbard Broadcasting': { known: true, raw: ['Hubbard Broadcasting Corporation'] },
  'Advance Local': { known: true, raw: ['Acvance Local'] },
  'Trinity Broadcasting Network': { known: true, raw: [] },
  'Daystar Television Network': {
    known: true,
    raw: ['Daystar', 'Word of God Fellowship (Daystar)'],
    kind: 'organization',
    names: [{ text: 'Word of God Fellowship', kind: 'alias', match: 'never' }],
  },
  'LeSEA Broadcasting': { raw: ['LeSea', 'LeSea Broadcasting', 'Lesea Broadcasting'] },
  'Liberman Broadcasting': { known: true, raw: ['LBI Media / Liberman Broadcasting'] },
  'Block Communications': { raw: ['Elliott Block / Block Communications'] },
  'MIG Broadcast Group': { raw: ['MIG Broadcast Group / Guenter Marksteiner'] },
  'Lake Superior Community Broadcasting': { raw: ['Lake Superior Community Broadcasting/Stephen Marks'] },
  'Glendive Broadcasting': { raw: ['Glendive Broadcasting/Stephen Marks'] },
  'Barrington Broadcasting': { raw: ['Barington Broadcasting'] },
  'Grupo Televisa': { known: true, raw: ['Televisa', 'Televisa Grupo Televisa'] },
  'Spanish Broadcasting System': { known: true, raw: ['Spanish Broadcasting Systems'] },
  'Tri-State Christian Television': { raw: ['Tri-State Christian TV', 'TCT'], kind: 'organization' },
  'Alpha and Omega Communications': { raw: ['Alpha & Omega Communications'] },
  'United Communications': { raw: ['United Communcations Corporation'] },
  'Drewry Communications': { raw: ['Drewry Communications Group'] },
  'Better Life Television': { raw: ['Better Life Television Network'], kind: 'organization' },
  'South Carolina Educational Television Commission': {
    raw: [
      'South Carolina Educational TV',
      'South Carolina Educational TV Commission',
      'Sout Carolina Educational TV Commission',
      'South Corolina Educational Television',
    ],
  },
  'Alabama Educational Television Commission': { raw: ['Alabama Educational Television', 'Alabama Public Television'] },
  'Georgia Public Telecommunications Commission': { raw: ['Georgia Public Broadcasting'] },
  'School Board of Broward County, Florida': { raw: ['Broward County Public Schools'] },
  'Maryland Public Broadcasting Commission': { raw: ['Maryland Public Broadcasting'] },
  'Rocky Mountain Public Broadcasting Network': { raw: ['Rocky Mountain Public Broadcasting'] },
  'Idaho State Board of Education': {
    raw: ['State Board of Education, State of Idaho', 'State Board of Education, Stateof Idaho'],
  },
  'University of North Carolina': { raw: ['University of Noth Carolina'] },
  'Metropolitan Indianapolis Public Broadcasting': {
    raw: ['Metropolitan Indianapolis Public BroadcastingMetropolitan Indianapolis Public Broadcasting'],
  },
  'Hawaii Public Television': { raw: ['Hawaii Public Telrvision'] },
  'Brazos Valley Public Broadcasting Foundation': { raw: ['Brazos Valley Public Broadcsating Foundation'] },
  'Volunteer Christian Television': { raw: ['Volunteer Chrisitan Television'] },
  'Enlace Christian Television': { raw: ['Enlace Christan Television'] },
};

/** Owners that are private individuals or families, or two owners in one field: their rows are left out. */
const SKIPPED_OWNERS = new Set(
  [
    'Charles R. Meeker',
    'Craig and Marilyn Caples & William Mitchell',
    'Dan Etulain',
    'Francois Leconte',
    'Gary M. and Deborah R. Kelly',
    'George S. Flinn, JR.',
    'Gerald Benavides',
    'Howard Mintz',
    'J.B. Salazar',
    'Jeff Chang',
    'Louis Martinez Family Group',
    'Marcia T. Turner / Turner Enterprises',
    'Neuhoff Family',
    'Raul & Consuelo Palazuelos',
    'Robert R. Rule',
    'Ronald Ulloa',
    'Roy William Mayhugh',
    'Southern Broadcast Corp/Calkins Media',
    'W. Russell Withers, Jr',
  ].map(s => s.toLowerCase()),
);

const NEWSPAPER_WORDS =
  /\b(Times|Post|Herald|Tribune|News|Chronicle|Journal|Gazette|Inquirer|Courier|Dispatch|Observer|Star|Sun|Register|Examiner|Bee|Globe|Record|Review|Press)$/;

interface Row {
  name: string;
  state: string;
  host: string;
  owner: string;
  medium: string;
  source: string;
}

export function importOutlets({ corpora, existing, progress }: ImportInput): DataRecord[] {
  const file = path.join(corpora, OUTLETS_FILE);
  const all = parseCsv(readCorpus(file));
  if (all.length === 0 || !('owner' in all[0]!)) throw new Error(`${file}: no rows with an owner column`);

  // How many outlets name each host, over the whole corpus (owned or not).
  const namesPerHost = new Map<string, Set<string>>();
  const rows: Row[] = [];
  for (const r of all) {
    const host = hostOf(r['website'] ?? '', r['domain'] ?? '');
    if (!host) continue;
    const set = namesPerHost.get(host) ?? new Set();
    set.add(clean(r['name'] ?? ''));
    namesPerHost.set(host, set);
    const owner = clean(r['owner'] ?? '');
    if (!owner || SKIPPED_OWNERS.has(owner.toLowerCase())) continue;
    rows.push({
      name: clean(r['name'] ?? ''),
      state: r['state'] ?? '',
      host,
      owner: ownerName(owner),
      medium: r['medium'] ?? '',
      source: r['source'] ?? '',
    });
  }

  // Spellings of one owner that differ only by a legal suffix are one owner.
  const spellings = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const key = slugify(stripLegal(row.owner));
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(row.owner, (counts.get(row.owner) ?? 0) + 1);
    spellings.set(key, counts);
  }
  for (const row of rows) {
    const counts = [...spellings.get(slugify(stripLegal(row.owner)))!];
    const known = counts.find(([name]) => OWNERS[name]);
    row.owner = (known ?? counts.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]!)[0];
  }

  // An outlet: the rows connected by a shared host or a shared name.
  const usable = rows.filter(r => !PLATFORM_HOSTS.has(r.host) && (namesPerHost.get(r.host)?.size ?? 0) <= MAX_SHARED);
  const groups = connect(usable, r => [`host ${r.host}`, `name ${callSign(r.name)}`]);
  const known = new Existing(existing);
  const counter = new Counter(progress);
  const taken = new Set(known.ids);
  const out: DataRecord[] = [];
  const owners = new Map<string, string>(); // display name → entity id

  const ownerId = (display: string): string => {
    const done = owners.get(display);
    if (done) return done;
    const spec = OWNERS[display];
    const names: Name[] = [];
    if (!spec?.names?.some(n => n.kind === 'primary'))
      names.push({ text: display, kind: 'primary', match: spec?.known ? 'always' : 'never' });
    names.push(...(spec?.names ?? []));
    names.sort((a, b) => Number(b.kind === 'primary') - Number(a.kind === 'primary'));
    const reuse = [display, ...names.filter(n => n.match !== 'never').map(n => n.text)]
      .map(
        text => known.byName('company', text) ?? known.byName('organization', text) ?? known.byName('publicBody', text),
      )
      .find(Boolean);
    if (reuse) {
      owners.set(display, reuse.id);
      return reuse.id;
    }
    const kind = spec?.kind ?? kindOf(display);
    const prefix = kind === 'publicBody' ? 'body' : kind === 'organization' ? 'org' : 'company';
    const base = `${prefix}:${slugify(stripLegal(display)) || slugify(display)}`;
    const id = taken.has(base) ? `${base}-media` : base;
    taken.add(id);
    owners.set(display, id);
    out.push(
      counter.add({
        type: 'entity',
        id,
        kind,
        names,
        description:
          spec?.description ?? `Owner of local TV stations or news outlets in the United States (as listed in 2018).`,
        country: 'US',
      }),
    );
    return id;
  };

  for (const component of groups) {
    const group = agreeing(component);
    if (!group) continue; // the rows disagree about the owner
    const ownerNames = new Set(group.map(r => r.owner));
    const hosts = [...new Set(group.map(r => r.host))].sort();
    const outletNames = [
      ...new Set(group.flatMap(r => r.name.split('/')).map(n => clean(n.replace(/\*$/, '')).replace(/^www\./, ''))),
    ]
      .filter(Boolean)
      .sort((a, b) => rankName(a, hosts) - rankName(b, hosts) || a.length - b.length || (a < b ? -1 : 1));
    if (outletNames.length === 0) continue;
    const owner = ownerId([...ownerNames][0]!);
    const primary = outletNames[0]!;
    let id = `outlet:${slugify(primary)}`;
    if (taken.has(id)) id = `outlet:${slugify(primary)}-${slugify(hosts[0]!)}`;
    if (taken.has(id)) continue;
    taken.add(id);
    out.push(
      counter.add({
        type: 'entity',
        id,
        kind: 'outlet',
        names: outletNames.map((text, i) => ({
          text,
          kind: i ? 'alias' : 'primary',
          match: newspaperName(text) ? 'always' : 'never',
        })),
        description: describeOutlet(group, outletNames),
        country: 'US',
        domains: hosts,
      }),
    );
    const from = [...new Set(group.map(r => SOURCE_NAMES[r.source] ?? r.source))].sort().join(' and ');
    out.push(
      counter.add({
        type: 'ownership',
        id: `own:${local(owner)}-${local(id)}`,
        sources: [SOURCE],
        confidence: 'medium',
        note: `Owner as listed in a 2018 dataset (from ${from}); ownership may have changed since.`,
        owner,
        asset: id,
        shareText: 'owner',
      }),
    );
  }
  return out;
}

/** The owners' own station lists (2018): where they disagree with stationindex.com, they are the newer word. */
const OWNER_LISTS = new Set(['sbgi.net', 'nexstar.tv', 'tribunemedia.com', 'hearst.com', 'meridith.com']);

/** The rows of an outlet that agree on its owner, preferring an owner's own list; undefined when they cannot agree. */
function agreeing(rows: Row[]): Row[] | undefined {
  if (new Set(rows.map(r => r.owner)).size === 1) return rows;
  const listed = new Set(rows.filter(r => OWNER_LISTS.has(r.source)).map(r => r.owner));
  if (listed.size !== 1) return undefined;
  const owner = [...listed][0]!;
  return rows.filter(r => r.owner === owner);
}

const SOURCE_NAMES: Record<string, string> = {
  stationindex: 'stationindex.com',
  'sbgi.net': "Sinclair's station list",
  'nexstar.tv': "Nexstar's station list",
  'tribunemedia.com': "Tribune Media's station list",
  'hearst.com': "Hearst's station list",
  'meridith.com': "Meredith's station list",
  'User Input': 'a hand-made list',
};

function local(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** The display name of an owner: its OWNERS entry, or the corpus's spelling. */
function ownerName(raw: string): string {
  const lower = raw.toLowerCase();
  for (const [display, spec] of Object.entries(OWNERS)) {
    if (display.toLowerCase() === lower || spec.raw.some(r => r.toLowerCase() === lower)) return display;
  }
  return raw.replace(/\s*\([^)]*\)$/, '');
}

/** The outlet's web host: the website's host when it is more specific than the domain column, else the domain. */
export function hostOf(website: string, domain: string): string | undefined {
  let host = '';
  try {
    host = new URL(/^https?:\/\//i.test(website.trim()) ? website.trim() : `http://${website.trim()}`).hostname;
  } catch {
    host = '';
  }
  host = host.toLowerCase().replace(/^www\d*\./, '');
  const d = domain
    .trim()
    .toLowerCase()
    .replace(/^www\d*\./, '');
  const bare = /^[a-z0-9.-]+\.[a-z]{2,}$/;
  const chosen = bare.test(host) && (host === d || host.endsWith(`.${d}`)) ? host : d;
  if (!bare.test(chosen)) return undefined;
  // An institution's whole domain ("asu.edu", "state.ms.us", "nyc.gov") is not the outlet's site.
  if (chosen === d && /\.(edu|gov|us)$/.test(chosen)) return undefined;
  return chosen;
}

/** Names that appear in a host come first ("wesh.com" → WESH). */
function rankName(name: string, hosts: string[]): number {
  const letters = callSign(name).replace(/[^a-z0-9]/g, '');
  return letters && hosts.some(h => h.replace(/[^a-z0-9]/g, '').includes(letters)) ? 0 : 1;
}

/** "WAPT-TV" and "WAPT" are one station; "KRCW-LP" is another. */
function callSign(name: string): string {
  return name
    .toLowerCase()
    .replace(/\*$/, '')
    .replace(/-(tv|dt)$/, '')
    .trim();
}

/** Groups items that share any key (connected components), in a stable order. */
function connect<T>(items: T[], keys: (item: T) => string[]): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWith = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of keys(item)) {
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

/** A multi-word newspaper name ("San Francisco Chronicle") may be matched in text. */
function newspaperName(name: string): boolean {
  return name.split(/\s+/).length >= 2 && NEWSPAPER_WORDS.test(name);
}

function describeOutlet(group: Row[], names: string[]): string {
  const paper = group.every(r => /newspaper/i.test(r.medium));
  const states = [
    ...new Set(group.filter(r => r.source !== 'User Input').map(r => STATE_NAMES[r.state] ?? r.state)),
  ].filter(Boolean);
  const where = states.length ? ` in ${states.join(' and ')}` : '';
  if (names.length === 1)
    return `Local ${paper ? 'newspaper' : 'TV station'}${where} (2018 list of local news outlets)`;
  const list = names.join(', ');
  const text = `Website shared by ${names.length} local TV stations${where}: ${list} (2018 list of local news outlets)`;
  return text.length <= 240
    ? text
    : `Website shared by ${names.length} local TV stations${where} (2018 list of local news outlets)`;
}

function kindOf(owner: string): Entity['kind'] {
  if (
    /\b(Commission|Authority|Board of Education|Board of Regents|School District|Public Schools|School Board|Department|Communications Board)\b/.test(
      owner,
    )
  ) {
    return 'publicBody';
  }
  if (
    /\b(University|College|Foundation|Church|Ministries|Ministerio|Fellowship|Association|Institute|Council|Center|Evangelistic|Adventists|Cristiano|Diocese|Public Broadcasting|Public Television|Public Telecommunications|Public TV|Educational)\b/.test(
      owner,
    )
  ) {
    return 'organization';
  }
  return 'company';
}

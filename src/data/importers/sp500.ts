/**
 * S&P 500 constituents → company entities (src/data/sources/sp500.jsonl).
 *
 * Corpus: datasets/s-and-p-500-companies, data/constituents.csv at commit
 * 56509dd8 (2026-08-08), ODC-PDDL. One entity per company (share classes are
 * merged by CIK); a company that already exists (same CIK or id) is skipped.
 * Entities carry no claims, so there is nothing to source beyond the corpus.
 * Ids: the CIK from the corpus and, for the companies listed in
 * sp500-wikidata.ts, a checked Wikidata id.
 *
 * Names: the listed name as primary; the name without its legal suffix as an
 * alias; ticker symbols as "ticker" names (exact case, context). Names that
 * words.ts finds ambiguous need evidence ("context") with cues, or are left
 * out when we have no good cues for them.
 */
import path from 'node:path';

import type { DataRecord, Entity, Name } from '../schema.ts';
import { clean, Counter, Existing, parseCsv, readCorpus, slugify, STATE_NAMES, type ImportInput } from './common.ts';
import { SP500_WIKIDATA } from './sp500-wikidata.ts';
import { COMMON_WORDS, hasLegalSuffix, isAmbiguous, stripLegal } from './words.ts';

export const SP500_FILE = 'sp500-constituents/constituents.csv';

/**
 * Cues (products, people, trade words) for the best-known companies whose
 * short name is ambiguous, and short names the listing does not give
 * ("Meta" for Meta Platforms). Keyed by ticker symbol.
 */
const CURATED: Record<string, { short?: string; also?: string[]; cues: string[] }> = {
  MMM: { cues: ['Post-it', 'Scotch tape', 'Minnesota Mining', 'combat earplugs', 'PFAS'] },
  AAPL: { cues: ['iPhone', 'iPad', 'MacBook', 'App Store', 'Tim Cook', 'Cupertino', 'iOS', 'Apple Watch'] },
  ADBE: { cues: ['Photoshop', 'Acrobat', 'PDF', 'Creative Cloud', 'Illustrator', 'Firefly'] },
  ALB: { cues: ['lithium', 'battery materials'] },
  BALL: { cues: ['aluminum cans', 'beverage cans', 'beverage packaging', 'Broomfield'] },
  'BRK.B': { short: 'Berkshire', cues: ['Warren Buffett', 'Buffett', 'Greg Abel', 'Omaha', 'conglomerate'] },
  CAT: { cues: ['construction equipment', 'heavy equipment', 'mining equipment', 'bulldozers', 'excavators'] },
  CCL: { cues: ['cruise line', 'cruise lines', 'cruise ship', 'cruise ships', 'Princess Cruises'] },
  CVX: { cues: ['oil company', 'oil giant', 'oil major', 'Mike Wirth', 'refinery', 'refineries'] },
  DAL: { short: 'Delta', cues: ['airline', 'airlines', 'flights', 'Ed Bastian', 'SkyMiles', 'Atlanta-based'] },
  DIS: {
    short: 'Disney',
    cues: [
      'Disneyland',
      'Disney World',
      'Disney+',
      'Pixar',
      'Marvel',
      'ESPN',
      'Bob Iger',
      'Iger',
      'theme parks',
      'Hulu',
    ],
  },
  DPZ: { cues: ['pizza', 'pizza chain', 'pizza delivery'] },
  F: { short: 'Ford', cues: ['automaker', 'carmaker', 'F-150', 'Jim Farley', 'Dearborn', 'Mustang', 'Bill Ford'] },
  FOXA: { cues: ['Fox News', 'Fox Sports', 'Lachlan Murdoch', 'Rupert Murdoch', 'Tubi'] },
  GOOGL: { cues: ['Google', 'YouTube', 'Sundar Pichai', 'Waymo', 'DeepMind'] },
  GS: { short: 'Goldman', cues: ['investment bank', 'Wall Street bank', 'David Solomon'] },
  HLT: { cues: ['Hilton Worldwide', 'Hilton Honors', 'Hampton Inn', 'DoubleTree', 'Waldorf Astoria', 'hotel chain'] },
  HSY: { cues: ['chocolate', "Reese's", 'Kit Kat', 'candy maker', 'confectioner'] },
  HPQ: { cues: ['printer', 'printers', 'laptop', 'laptops', 'personal computers', 'PC maker'] },
  INTU: { cues: ['TurboTax', 'QuickBooks', 'Credit Karma', 'Mailchimp'] },
  JPM: {
    short: 'Chase',
    also: ['JPMorgan'],
    cues: ['JPMorgan', 'Jamie Dimon', 'Dimon', 'Chase Bank', 'Chase Sapphire'],
  },
  LLY: { cues: ['Mounjaro', 'Zepbound', 'drugmaker', 'pharmaceutical', 'insulin', 'obesity drug', 'Indianapolis'] },
  LOW: { cues: ['home improvement', 'home-improvement', 'Home Depot', 'hardware store'] },
  MCD: { cues: ['fast food', 'fast-food', 'Big Mac', 'franchisees', 'burger', 'burgers', 'Happy Meal'] },
  MCO: { cues: ['credit rating', 'credit ratings', 'ratings agency', 'rating agency', 'downgrade', 'downgraded'] },
  META: {
    short: 'Meta',
    cues: ['Facebook', 'Instagram', 'WhatsApp', 'Mark Zuckerberg', 'Zuckerberg', 'Threads', 'Menlo Park'],
  },
  MRK: { cues: ['Keytruda', 'Gardasil', 'drugmaker', 'pharmaceutical', 'Rahway'] },
  ODFL: {
    also: ['Old Dominion Freight Line'],
    cues: ['trucking', 'trucker', 'less-than-truckload', 'freight carrier'],
  },
  OTIS: { cues: ['elevator', 'elevators', 'escalator', 'escalators'] },
  PGR: { cues: ['insurer', 'auto insurance', 'car insurance', 'insurance company'] },
  PSKY: { short: 'Paramount', cues: ['Skydance', 'David Ellison', 'CBS', 'Paramount Pictures', 'Paramount Global'] },
  STT: { cues: ['State Street Global Advisors', 'SPDR', 'custody bank', 'asset manager', 'BlackRock', 'Vanguard'] },
  SYK: { cues: ['medical device', 'medical devices', 'orthopedic', 'Kalamazoo'] },
  TGT: { cues: ['retailer', 'big-box', 'department store', 'Minneapolis-based'] },
  TSLA: {
    cues: [
      'Elon Musk',
      'Musk',
      'electric vehicle',
      'electric vehicles',
      'EV',
      'EVs',
      'Cybertruck',
      'Model Y',
      'Autopilot',
      'robotaxi',
      'Gigafactory',
    ],
  },
  V: { cues: ['Mastercard', 'credit card', 'credit cards', 'debit card', 'card network', 'payments network'] },
  XYZ: { short: 'Block', cues: ['Square', 'Cash App', 'Jack Dorsey', 'Dorsey', 'Afterpay', 'fintech'] },
};

/** Trade words for ambiguous names without curated cues, by a word of the GICS sub-industry. */
const SECTOR_CUES: [RegExp, string[]][] = [
  [/Airlines/, ['airline', 'airlines', 'flights']],
  [/Semiconductor/, ['chipmaker', 'semiconductor', 'semiconductors']],
  [/Insurance|Reinsurance/, ['insurer', 'insurance company']],
  [/Banks/, ['bank holding company', 'lender']],
  [/REITs/, ['real estate investment trust', 'REIT']],
  [/Pharmaceuticals|Biotechnology/, ['drugmaker', 'pharmaceutical', 'biotech']],
  [/Restaurants/, ['restaurant chain', 'fast food', 'fast-food']],
  [/Food Retail/, ['convenience store', 'convenience stores', 'grocery chain']],
  [/Retail/, ['retailer', 'retail chain']],
  [/Oil & Gas/, ['oil company', 'oil and gas', 'oil producer']],
  [/Utilities/, ['utility company', 'electric utility', 'power company']],
  [/Machinery/, ['diesel engines', 'engine maker', 'heavy equipment']],
  [/Environmental & Facilities/, ['garbage collection', 'trash hauler', 'waste hauler', 'landfills']],
  [/Health Care Distributors/, ['medical supplies', 'dental supplies', 'distributor']],
  [/Health Care/, ['health care company', 'medical device', 'medical devices']],
  [/IT Consulting/, ['IT services', 'outsourcing', 'consulting firm']],
  [/Software/, ['software company', 'software maker']],
];

interface Row {
  ticker: string;
  name: string;
  sector: string;
  sub: string;
  hq: string;
  cik: string;
}

export function importSp500({ corpora, existing, progress }: ImportInput): DataRecord[] {
  const file = path.join(corpora, SP500_FILE);
  const rows = parseCsv(readCorpus(file)).map((r): Row => ({
    ticker: clean(r['Symbol'] ?? ''),
    name: clean(r['Security'] ?? ''),
    sector: clean(r['GICS Sector'] ?? ''),
    sub: clean(r['GICS Sub-Industry'] ?? ''),
    hq: clean((r['Headquarters Location'] ?? '').replace(/\[\d+\]/g, '')),
    cik: String(Number(r['CIK'] ?? '')),
  }));
  if (rows.length === 0 || !rows[0]!.ticker) throw new Error(`${file}: no rows with a Symbol column`);

  // Share classes (GOOGL/GOOG, FOXA/FOX) are one company.
  const byCik = new Map<string, Row[]>();
  for (const row of rows) byCik.set(row.cik, [...(byCik.get(row.cik) ?? []), row]);

  const known = new Existing(existing);
  const counter = new Counter(progress);
  const out: DataRecord[] = [];
  const taken = new Set(known.ids);
  for (const group of byCik.values()) {
    const first = group[0]!;
    if (known.byExternalId('cik', first.cik)) continue;
    const entity = companyEntity(group, taken);
    if (!entity || known.byName('company', entity.names[0]!.text, entity.ids)) continue;
    taken.add(entity.id);
    out.push(counter.add(entity));
  }
  return out;
}

/** "Alphabet Inc. (Class A)" → "Alphabet Inc."; "Hartford (The)" → "The Hartford"; "Lilly (Eli)" → "Eli Lilly". */
export function listedName(security: string): string {
  const name = security.replace(/\s*\(Class [A-Z]\)$/, '');
  const inverted = /^(.*\S)\s+\(([^)]+)\)$/.exec(name);
  return inverted ? `${inverted[2]} ${inverted[1]}` : name;
}

function companyEntity(group: Row[], taken: Set<string>): Entity | undefined {
  const first = group[0]!;
  const primary = listedName(first.name);
  const core = stripLegal(primary, true);
  const curated = CURATED[first.ticker] ?? group.map(r => CURATED[r.ticker]).find(Boolean);
  const cues = [...(curated?.cues ?? sectorCues(first.sub)), ...group.map(r => r.ticker).filter(safeTicker)];

  const names: Name[] = [];
  const add = (text: string, kind: Name['kind'], extra: Partial<Name> = {}) => {
    if (names.some(n => n.text.toLowerCase() === text.toLowerCase())) return;
    names.push({ text, kind, ...extra });
  };
  const ambiguousPrimary = isAmbiguous(primary) && !hasLegalSuffix(primary);
  const withCues = cues.length ? { match: 'context' as const, cues } : { match: 'context' as const };
  add(primary, 'primary', ambiguousPrimary ? withCues : { match: 'always' });
  for (const short of [core, curated?.short, ...(curated?.also ?? [])]) {
    if (!short || short === primary) continue;
    if (!isAmbiguous(short)) add(short, 'alias', { match: 'always' });
    else if (curated && (short === curated.short || !curated.short)) add(short, 'alias', withCues);
    // an ambiguous short name without cues of its own is left out
  }
  for (const row of group) {
    if (safeTicker(row.ticker) && !names.some(n => n.text === row.ticker)) {
      add(row.ticker, 'ticker', { match: 'context', case: 'exact' });
    }
  }

  const base = slugify(stripLegal(primary)) || slugify(primary);
  let id = `company:${base}`;
  if (taken.has(id)) id = `company:${base}-${slugify(first.ticker)}`;
  if (taken.has(id)) return undefined;
  const hq = first.hq && first.hq.toLowerCase() !== 'none' ? first.hq.replace(/; /g, ' and ') : '';
  const wikidata = group.map(r => SP500_WIKIDATA[r.ticker]).find(Boolean);
  const country = countryOf(hq);
  return {
    type: 'entity',
    id,
    kind: 'company',
    names,
    description: `${first.sub} company (${first.sector})${hq ? ` headquartered in ${hq}` : ''}`,
    ...(country ? { country } : {}),
    ids: { ...(wikidata ? { wikidata } : {}), cik: first.cik },
  };
}

const US_STATES = new Set(Object.values(STATE_NAMES));
const COUNTRIES: Record<string, string> = {
  Bermuda: 'BM',
  Canada: 'CA',
  Ireland: 'IE',
  Netherlands: 'NL',
  Switzerland: 'CH',
  'United Kingdom': 'GB',
};

/** "Santa Clara, California" → "US"; "Dublin, Ireland" → "IE"; unknown → undefined. */
function countryOf(hq: string): string | undefined {
  const last =
    hq
      .split(/,| and /)
      .pop()
      ?.trim() ?? '';
  if (US_STATES.has(last) || last === 'D.C.') return 'US';
  return COUNTRIES[last];
}

function sectorCues(subIndustry: string): string[] {
  return SECTOR_CUES.find(([re]) => re.test(subIndustry))?.[1] ?? [];
}

/** A ticker worth matching: three or more characters, not a word or a common acronym. */
function safeTicker(ticker: string): boolean {
  return ticker.length >= 3 && !isAmbiguous(ticker) && !COMMON_WORDS.has(ticker.toLowerCase().replace(/\..*$/, ''));
}

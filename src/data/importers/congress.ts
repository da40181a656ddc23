/**
 * Members of Congress, committees, the President and the Vice President →
 * src/data/sources/congress.jsonl.
 *
 * Corpus: unitedstates/congress-legislators at commit dfa96222 (2026-06-15),
 * CC0: legislators-current.yaml, committees-current.yaml,
 * committee-membership-current.yaml and executive.yaml. Every claim cites the
 * file it comes from at that commit, as of the commit date.
 *
 * People who already exist (same bioguide or Wikidata id, or the same name)
 * keep their id and are not emitted again; their claims are. Claims that an
 * existing record already makes are skipped.
 */
import path from 'node:path';

import { parse } from 'yaml';

import { tokenize } from '../../match/text.ts';
import type { DataRecord, Entity, Name, Role, Source } from '../schema.ts';
import {
  clean,
  Counter,
  Existing,
  githubSource,
  readCorpus,
  slugify,
  STATE_NAMES,
  type ImportInput,
} from './common.ts';

export const CONGRESS_DIR = 'congress-legislators';
const REPO = 'unitedstates/congress-legislators';
const COMMIT = 'dfa9622263dd4c8d08636926e498f1845704d7eb';
/** The commit date: what the files describe. */
export const CONGRESS_AS_OF = '2026-06-15';

interface Term {
  type: 'sen' | 'rep' | 'prez' | 'viceprez';
  start: string;
  end: string;
  state?: string;
  district?: number;
  party?: string;
  caucus?: string;
  how?: string;
}
interface Person {
  id: { bioguide?: string; wikidata?: string; wikipedia?: string };
  name: { first: string; last: string; middle?: string; nickname?: string; official_full?: string; suffix?: string };
  bio?: { gender?: string };
  terms: Term[];
  leadership_roles?: { title: string; start: string; end?: string }[];
}
interface Committee {
  type: 'house' | 'senate' | 'joint';
  name: string;
  thomas_id: string;
  url?: string;
  subcommittees?: { name: string; thomas_id: string }[];
}
interface Member {
  bioguide: string;
  title?: string;
}

/** AP style abbreviations, for cues like "R-Calif." (postal codes give "R-CA"). */
// prettier-ignore
const AP_STATE: Record<string, string> = {
  AL: 'Ala.', AZ: 'Ariz.', AR: 'Ark.', CA: 'Calif.', CO: 'Colo.', CT: 'Conn.', DE: 'Del.', FL: 'Fla.', GA: 'Ga.',
  IL: 'Ill.', IN: 'Ind.', KS: 'Kan.', KY: 'Ky.', LA: 'La.', MD: 'Md.', MA: 'Mass.', MI: 'Mich.', MN: 'Minn.', MS: 'Miss.',
  MO: 'Mo.', MT: 'Mont.', NE: 'Neb.', NV: 'Nev.', NH: 'N.H.', NJ: 'N.J.', NM: 'N.M.', NY: 'N.Y.', NC: 'N.C.',
  ND: 'N.D.', OK: 'Okla.', OR: 'Ore.', PA: 'Pa.', RI: 'R.I.', SC: 'S.C.', SD: 'S.D.', TN: 'Tenn.', VT: 'Vt.',
  VA: 'Va.', WA: 'Wash.', WV: 'W.Va.', WI: 'Wis.', WY: 'Wyo.', AK: 'Alaska', HI: 'Hawaii', ID: 'Idaho',
  IA: 'Iowa', ME: 'Maine', OH: 'Ohio', TX: 'Texas', UT: 'Utah', DC: 'D.C.',
};

/** Short names, by committee code, where the rule in committeeShortNames gives a poor one or none. */
const COMMITTEE_ALIASES: Record<string, string[]> = {
  HSZS: [],
  HSQJ: [],
  SSHR: ['Senate HELP Committee', 'Senate Health, Education, Labor and Pensions Committee'],
  HSGO: ['House Oversight and Government Reform Committee', 'House Oversight Committee'],
  JCSE: ['Helsinki Commission', 'U.S. Helsinki Commission'],
  JSLC: ['Joint Committee on the Library'],
  SCNC: ['Senate Caucus on International Narcotics Control'],
};
/** Ids for committees whose short name makes a poor id. */
const COMMITTEE_SLUGS: Record<string, string> = { HSQJ: 'house-select-subcommittee-january-6' };

export function importCongress({ corpora, existing, progress }: ImportInput): DataRecord[] {
  const dir = path.join(corpora, CONGRESS_DIR);
  const load = <T>(file: string): T => parse(readCorpus(path.join(dir, file))) as T;
  const legislators = load<Person[]>('legislators-current.yaml');
  const committees = load<Committee[]>('committees-current.yaml');
  const membership = load<Record<string, Member[]>>('committee-membership-current.yaml');
  const executive = load<Person[]>('executive.yaml');
  if (!Array.isArray(legislators) || !Array.isArray(committees) || !Array.isArray(executive) || !membership) {
    throw new Error(`${dir}: unexpected file layout`);
  }
  const src = (file: string): Source[] => [githubSource(REPO, COMMIT, file, CONGRESS_AS_OF)];

  const known = new Existing(existing);
  const counter = new Counter(progress);
  const out: DataRecord[] = [];
  const taken = new Set(known.ids);
  const emit = (record: DataRecord) => {
    if (taken.has(record.id)) return;
    if (record.type === 'role' && known.hasRole(record.person, record.org, record.role)) return;
    taken.add(record.id);
    out.push(counter.add(record));
  };

  /** Reuses an existing person, or makes the entity; returns the id. */
  const personId = (p: Person, description: string, state?: string): string => {
    const names = personNames(p, state);
    const found =
      known.byExternalId('bioguide', p.id.bioguide) ??
      known.byExternalId('wikidata', p.id.wikidata) ??
      names
        .filter(n => n.match === 'always')
        .map(n => known.byName('person', n.text, { bioguide: p.id.bioguide, wikidata: p.id.wikidata }))
        .find(Boolean);
    if (found) return found.id;
    const base = `person:${slugify(commonName(p))}`;
    const id = [base, `${base}-${(state ?? '').toLowerCase()}`, `${base}-${(p.id.bioguide ?? '').toLowerCase()}`].find(
      c => !taken.has(c) && !c.endsWith('-'),
    )!;
    const ids: Entity['ids'] = {};
    if (p.id.wikidata) ids.wikidata = p.id.wikidata;
    if (p.id.bioguide) ids.bioguide = p.id.bioguide;
    emit({
      type: 'entity',
      id,
      kind: 'person',
      names,
      description,
      country: 'US',
      ...(Object.keys(ids).length ? { ids } : {}),
    });
    return id;
  };

  // Members of Congress and their offices.
  const byBioguide = new Map<string, string>();
  for (const p of legislators) {
    const term = currentTerm(p);
    const id = personId(p, describeMember(term), term.state);
    if (p.id.bioguide) byBioguide.set(p.id.bioguide, id);
    const first = p.terms.find(t => t.type === term.type)!;
    const appointed = term.how === 'appointment';
    emit({
      type: 'role',
      id: `role:${local(id)}-${term.type === 'sen' ? 'us-senator' : 'us-representative'}`,
      sources: src('legislators-current.yaml'),
      confidence: appointed ? 'medium' : 'high',
      note: appointed
        ? `Appointed; the appointment runs until the special election of ${term.end}, so this may have changed since.`
        : `Current term ends ${term.end}; first took office in this chamber on ${first.start}.`,
      person: id,
      role: officeTitle(term),
      category: 'office',
      start: term.start,
    });
    for (const lead of p.leadership_roles ?? []) {
      if (lead.end && lead.end <= CONGRESS_AS_OF) continue;
      emit({
        type: 'role',
        id: `role:${local(id)}-${slugify(lead.title)}`,
        sources: src('legislators-current.yaml'),
        confidence: 'high',
        person: id,
        role: lead.title,
        category: 'position',
        start: lead.start,
      });
    }
  }

  // Committees, subcommittees and their hierarchy.
  const bodies = new Map<string, string>();
  for (const c of committees) {
    const shorts = committeeShortNames(c);
    const reuse = known.byName('publicBody', c.name);
    const slug = COMMITTEE_SLUGS[c.thomas_id] ?? slugify(shorts[0] ?? c.name);
    const id = reuse?.id ?? (taken.has(`body:${slug}`) ? `body:${slug}-${c.thomas_id.toLowerCase()}` : `body:${slug}`);
    bodies.set(c.thomas_id, id);
    if (!reuse) {
      emit({
        type: 'entity',
        id,
        kind: 'publicBody',
        names: [c.name, ...shorts].map((text, i) => ({ text, kind: i ? 'alias' : 'primary', match: 'always' })),
        description: `${committeeKind(c)} (committee code ${c.thomas_id})`,
        country: 'US',
        ...(c.url?.startsWith('https://') ? { website: c.url } : {}),
      });
    }
    const stem = (shorts[0] ?? c.name).replace(/ Committee$/, '');
    for (const sub of c.subcommittees ?? []) {
      const subName = clean(sub.name).replace(/^The /, 'the ');
      const own = /Subcommittee/.test(subName);
      const primary = own ? subName : `${stem} Subcommittee on ${subName}`;
      const aliases = own && c.type !== 'joint' ? [`${capitalize(c.type)} ${subName}`] : [];
      const words = slugify(subName.replace(/\b(and|the|of|on)\b/gi, ''))
        .split('-')
        .slice(0, 4)
        .join('-');
      let subId = `body:${slugify(stem)}-subcommittee-${words}`;
      if (taken.has(subId)) subId = `${subId}-${sub.thomas_id}`;
      bodies.set(c.thomas_id + sub.thomas_id, subId);
      emit({
        type: 'entity',
        id: subId,
        kind: 'publicBody',
        names: [primary, ...aliases].map((text, i) => ({ text, kind: i ? 'alias' : 'primary', match: 'always' })),
        description: `Subcommittee of the ${c.name} (committee code ${c.thomas_id}${sub.thomas_id})`,
        country: 'US',
      });
      emit({
        type: 'hierarchy',
        id: `hier:${local(subId)}`,
        sources: src('committees-current.yaml'),
        confidence: 'high',
        parent: id,
        child: subId,
        relation: 'subcommittee',
      });
    }
  }

  // Committee membership: every member of a committee; of a subcommittee, only its officers (chair,
  // ranking member, vice chair), which keeps cards short and the bundle small.
  for (const [code, members] of Object.entries(membership)) {
    const org = bodies.get(code);
    if (!org) continue; // a committee the committee file does not list
    const subcommittee = !committees.some(c => c.thomas_id === code);
    for (const m of members) {
      const person = byBioguide.get(m.bioguide);
      if (!person) continue; // not a current member
      const role = memberRole(m.title);
      if (subcommittee && (role === 'Member' || role === 'Ex Officio Member')) continue;
      emit({
        type: 'role',
        id: `role:${local(person)}-${local(org)}`,
        sources: src('committee-membership-current.yaml'),
        confidence: 'high',
        person,
        org,
        role,
        category: role === 'Member' || role === 'Ex Officio Member' ? 'membership' : 'position',
      });
    }
  }

  // The current President and Vice President.
  for (const office of ['prez', 'viceprez'] as const) {
    const title = office === 'prez' ? 'President of the United States' : 'Vice President of the United States';
    for (const { person: p, term, number } of numberedTerms(executive, office)) {
      if (!(term.start <= CONGRESS_AS_OF && CONGRESS_AS_OF < term.end)) continue;
      const role = `${ordinal(number)} ${title}`;
      const id = personId(p, `${role} (${term.party ?? 'no party'}), in office since ${term.start}`);
      emit({
        type: 'role',
        id: `role:${local(id)}-${office === 'prez' ? 'president' : 'vice-president'}-${number}`,
        sources: src('executive.yaml'),
        confidence: 'high',
        person: id,
        role,
        category: 'office',
        start: term.start,
      } satisfies Role);
    }
  }
  return out;
}

function local(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

function currentTerm(p: Person): Term {
  const term = [...p.terms].sort((a, b) => (a.start < b.start ? -1 : 1)).pop();
  if (!term) throw new Error(`legislator ${p.id.bioguide ?? p.name.last} has no terms`);
  return term;
}

/** The name the member goes by: the Wikipedia title without its qualifier, else nickname (or first name) and surname. */
function commonName(p: Person): string {
  const { first, nickname } = nameParts(p);
  const wiki = p.id.wikipedia?.replace(/\s*\(.+\)$/, '');
  if (wiki) return wiki;
  return /^[A-Z]\.?$/.test(first)
    ? (p.name.official_full ?? `${first} ${p.name.last}`)
    : `${nickname ?? first} ${p.name.last}`;
}

/** "James (Jim)" as a first name means first "James", nickname "Jim". */
function nameParts(p: Person): { first: string; nickname?: string } {
  const m = /^(.*\S)\s*\((.+)\)$/.exec(p.name.first);
  const nickname = p.name.nickname ?? m?.[2];
  return { first: m?.[1] ?? p.name.first, ...(nickname ? { nickname } : {}) };
}

/**
 * Official name first; then "first last", "nickname last" and the Wikipedia
 * title. When Wikipedia needs a qualifier ("Adam Smith (Washington
 * politician)"), the plain two-word names are ambiguous and need context.
 */
function personNames(p: Person, state?: string): Name[] {
  const { first, nickname } = nameParts(p);
  const last = p.name.last;
  const wiki = p.id.wikipedia;
  const ambiguous = wiki !== undefined && /\(.+\)$/.test(wiki);
  const cues = state ? memberCues(p, state) : [];
  const names: Name[] = [];
  const seen = new Set<string>();
  const add = (text: string | undefined, unsure = false) => {
    if (!text) return;
    const key = tokenize(text)
      .map(t => t.norm)
      .join(' ');
    if (!key || seen.has(key)) return;
    seen.add(key);
    const context = (ambiguous || unsure) && text.split(' ').length === 2;
    names.push({
      text,
      kind: names.length ? 'alias' : 'primary',
      ...(context ? { match: 'context' as const, ...(cues.length ? { cues } : {}) } : { match: 'always' as const }),
    });
  };
  add(clean(p.name.official_full ?? `${first} ${last}`));
  // A formal first name the member does not go by ("Jesús García" for "Chuy García") needs context.
  if (!/^[A-Z]\.?$/.test(first)) add(`${first} ${last}`, nickname !== undefined);
  if (nickname) add(`${nickname} ${last}`);
  if (wiki) add(clean(wiki.replace(/\s*\(.+\)$/, '')));
  return names;
}

/** "R-La.", "R-LA", "Sen. Kennedy", "Senator Kennedy": how news text names a member. */
function memberCues(p: Person, state: string): string[] {
  const term = currentTerm(p);
  const party = (term.party ?? '')[0];
  const last = p.name.last;
  const cues: string[] = [];
  if (party) cues.push(...(AP_STATE[state] ? [`${party}-${AP_STATE[state]}`] : []), `${party}-${state}`);
  if (term.type === 'sen') cues.push(`Sen. ${last}`, `Senator ${last}`);
  else {
    cues.push(`Rep. ${last}`, `Representative ${last}`);
    if (p.bio?.gender === 'F') cues.push(`Congresswoman ${last}`);
    if (p.bio?.gender === 'M') cues.push(`Congressman ${last}`);
  }
  // "R-La." and "R-LA" read the same to the matcher: keep one.
  const seen = new Set<string>();
  return cues.filter(cue => {
    const key = tokenize(cue)
      .map(t => t.norm)
      .join(' ');
    return !seen.has(key) && !!seen.add(key);
  });
}

function partyText(term: Term): string {
  const party = term.party ?? 'no party';
  return term.caucus && term.caucus !== term.party ? `${party}; caucuses with the ${term.caucus}s` : party;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const TERRITORIES = new Set(['DC', 'PR', 'GU', 'VI', 'AS', 'MP']);

function officeTitle(term: Term): string {
  if (term.type === 'sen') return 'U.S. Senator';
  if (term.state === 'PR') return 'Resident Commissioner of Puerto Rico';
  if (term.state && TERRITORIES.has(term.state)) return 'Delegate to the U.S. House of Representatives';
  return 'U.S. Representative';
}

/** "U.S. Representative for Michigan's 4th district (Republican)", "U.S. Senator from Ohio (Democrat)". */
function describeMember(term: Term): string {
  const state = STATE_NAMES[term.state ?? ''] ?? term.state ?? 'an unknown state';
  const party = partyText(term);
  if (term.type === 'sen') return `U.S. Senator from ${state} (${party})`;
  if (term.state === 'PR')
    return `Resident Commissioner of Puerto Rico in the U.S. House of Representatives (${party})`;
  if (term.state && TERRITORIES.has(term.state))
    return `Delegate to the U.S. House of Representatives from ${state} (${party})`;
  const district = term.district ? `${ordinal(term.district)} district` : 'at-large district';
  return `U.S. Representative for ${state}'s ${district} (${party})`;
}

/** "House Committee on the Judiciary" → "House Judiciary Committee"; "…Agriculture, Nutrition, and Forestry" → "Senate Agriculture Committee". */
export function committeeShortNames(c: Committee): string[] {
  const listed = COMMITTEE_ALIASES[c.thomas_id];
  if (listed) return listed;
  const m = /^(House|Senate) (?:Permanent Select |Select |Special )?Committee on (?:the )?(.+)$/.exec(c.name);
  if (!m) return [];
  const [, chamber, topic] = m as unknown as [string, string, string];
  const subject = topic.split(',')[0]!;
  return [subject.startsWith(`${chamber} `) ? `${subject} Committee` : `${chamber} ${subject} Committee`];
}

function committeeKind(c: Committee): string {
  const chamber =
    c.type === 'house'
      ? 'the U.S. House of Representatives'
      : c.type === 'senate'
        ? 'the U.S. Senate'
        : 'the U.S. Congress';
  if (c.type === 'joint') {
    return /Commission/.test(c.name)
      ? 'Commission with members of the U.S. Senate and House of Representatives'
      : 'Joint committee of the U.S. Congress';
  }
  const kind = /Select Subcommittee/.test(c.name)
    ? 'Select subcommittee'
    : /Select Committee/.test(c.name)
      ? 'Select committee'
      : /Special Committee/.test(c.name)
        ? 'Special committee'
        : /Caucus/.test(c.name)
          ? 'Caucus'
          : 'Committee';
  return `${kind} of ${chamber}`;
}

function memberRole(title: string | undefined): string {
  switch (title) {
    case undefined:
      return 'Member';
    case 'Chairman':
    case 'Chairwoman':
    case 'Chair':
      return 'Chair';
    case 'Vice Chairman':
    case 'Vice Chairwoman':
    case 'Vice Chair':
      return 'Vice Chair';
    case 'Cochairman':
      return 'Co-Chair';
    case 'Ex Officio':
      return 'Ex Officio Member';
    default:
      return title;
  }
}

/** Terms of one office in time order, numbered as the office counts them (a non-consecutive second term gets a new number). */
function numberedTerms(people: Person[], office: Term['type']): { person: Person; term: Term; number: number }[] {
  const terms = people.flatMap(person => person.terms.filter(t => t.type === office).map(term => ({ person, term })));
  terms.sort((a, b) => (a.term.start < b.term.start ? -1 : a.term.start > b.term.start ? 1 : 0));
  let number = 0;
  let previous: Person | undefined;
  return terms.map(({ person, term }) => {
    if (person !== previous) number++;
    previous = person;
    return { person, term, number };
  });
}

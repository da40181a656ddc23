/**
 * Beneficial Ownership Data Standard 0.4 statements → our records. Pure (no Node APIs, no DOM).
 *
 * - Each record (recordId) is read from its latest statement (by statementDate, then file order);
 *   earlier statements of the same record are counted as superseded.
 * - Entity records: registeredEntity / legalEntity → company (organization when the name says
 *   foundation, charity, association…); state / stateBody → publicBody; arrangement, anonymous and
 *   unknown entities are skipped. Person records: knownPerson → person; anonymous / unknown skipped.
 * - Relationship records: one ownership claim per ownership-or-control interest (shareholding,
 *   votingRights → themselves; control interests → control; rights to profit, assets or as a
 *   beneficiary → beneficial; unknown or unstated → no interest), one role claim per board or
 *   senior-managing-official interest of a person. A person's declared political exposure becomes
 *   an office role. A closed record without an end date ends on its statement date.
 * - Sources: the statement's https `source.url`, else the caller's `options.source`; the as-of
 *   date is the statement date. Without either URL the record is reported, never given one.
 */
import type { Dataset } from '../dataset.ts';
import type { DataIssue } from '../records.ts';
import type { Entity, Name, Ownership, Role, Share, Source } from '../schema.ts';
import {
  beginConversion,
  clean,
  clip,
  compact,
  dateOf,
  ExistingEntities,
  httpsUrl,
  Ids,
  inputRef,
  isObject,
  PREFIX,
  skip,
  slugOf,
  sourceFrom,
  str,
  type Conversion,
  type ConvertOptions,
  type InputValue,
  type Origin,
} from './common.ts';

type Json = Record<string, unknown>;

interface Statement {
  input: InputValue;
  statementId: string;
  recordId: string;
  recordType: 'entity' | 'person' | 'relationship';
  recordStatus?: string;
  details: Json;
  date: string;
  raw: Json;
}

const OWNERSHIP_INTEREST: Record<string, Ownership['interest'] | null> = {
  shareholding: 'shareholding',
  votingRights: 'votingRights',
  appointmentOfBoard: 'control',
  otherInfluenceOrControl: 'control',
  controlViaCompanyRulesOrArticles: 'control',
  controlByLegalFramework: 'control',
  rightsGrantedByContract: 'control',
  conditionalRightsGrantedByContract: 'control',
  settlor: 'control',
  trustee: 'control',
  protector: 'control',
  nominator: 'control',
  rightsToProfitOrIncome: 'beneficial',
  rightsToSurplusAssetsOnDissolution: 'beneficial',
  beneficiaryOfLegalArrangement: 'beneficial',
  enjoymentAndUseOfAssets: 'beneficial',
  rightToProfitOrIncomeFromAssets: 'beneficial',
  unknownInterest: null,
  unpublishedInterest: null,
};

const ROLE_INTEREST: Record<string, { role: string; category: Role['category'] }> = {
  boardMember: { role: 'Board member', category: 'board' },
  boardChair: { role: 'Board chair', category: 'board' },
  seniorManagingOfficial: { role: 'Senior managing official', category: 'position' },
};

/** Names that make a registered entity an organization rather than a company. */
const ORGANIZATION_WORDS =
  /\b(foundation|charity|charitable|association|society|institute|university|college|church|council|union|federation|club|party|stiftung|fundaci[oó]n|fondation|verein)\b/i;

/** Market identifier codes we can write as our EXCHANGE:SYMBOL tickers. */
const EXCHANGES: Record<string, string> = {
  XNAS: 'NASDAQ',
  XNYS: 'NYSE',
  XLON: 'LSE',
  XETR: 'XETRA',
  XHKG: 'HKEX',
  XSHE: 'SZSE',
};

export function bodsToRecords(text: string, existing?: Dataset, options: ConvertOptions = {}): Conversion {
  const file = options.file ?? 'pack';
  const { out, input } = beginConversion(text, options, file, v => `statement ${inputRef(v)}`);

  const issue = (s: InputValue, field: string | undefined, message: string): DataIssue => ({
    file,
    ...(s.line ? { line: s.line } : {}),
    record: `statement ${inputRef(s)}`,
    ...(field ? { field } : {}),
    message,
  });

  // The statements, checked for the fields we rely on; the latest per record.
  const latest = new Map<string, Statement>();
  const known = new Set<string>();
  // Statements refused as hostile or malformed are reported once; links to them are not reported again.
  for (const v of input.rejected)
    if (isObject(v.value) && typeof v.value.recordId === 'string') known.add(v.value.recordId);
  for (const v of input.values) {
    const st = readStatement(v, m => out.issues.push(issue(v, m.field, m.message)));
    if (!st && isObject(v.value) && typeof v.value.recordId === 'string') known.add(v.value.recordId);
    if (!st) continue;
    known.add(st.recordId);
    const before = latest.get(st.recordId);
    if (before && before.date > st.date) {
      skip(out.skipped, 'superseded by a later statement of the same record');
      continue;
    }
    if (before) skip(out.skipped, 'superseded by a later statement of the same record');
    latest.set(st.recordId, st);
  }

  const have = new ExistingEntities(existing);
  const ids = new Ids(have.ids);
  const emit = (record: Conversion['records'][number], st: Statement) => {
    out.records.push(record);
    out.origins.push(originOf(st));
  };

  // Entities and people first, so relationships can refer to them.
  const entityOf = new Map<string, { id: string; kind: Entity['kind']; name: string }>();
  const skippedRecords = new Map<string, string>();
  for (const st of latest.values()) {
    if (st.recordType === 'relationship') continue;
    const made = st.recordType === 'person' ? person(st) : entity(st);
    if ('skip' in made) {
      skip(out.skipped, made.skip);
      skippedRecords.set(st.recordId, made.skip);
      continue;
    }
    const primary = made.entity.names[0]!.text;
    const found = have.find(
      made.entity.kind,
      made.entity.names.map(n => n.text),
      made.entity.ids,
    );
    if (found) {
      entityOf.set(st.recordId, { id: found.id, kind: found.kind, name: found.names[0]!.text });
      skip(out.skipped, 'already in the dataset');
      continue;
    }
    const id = ids.make(PREFIX[made.entity.kind], primary, st.recordId);
    emit({ ...made.entity, id }, st);
    entityOf.set(st.recordId, { id, kind: made.entity.kind, name: primary });
  }

  // Political exposure → office roles.
  for (const st of latest.values()) {
    if (st.recordType !== 'person') continue;
    const who = entityOf.get(st.recordId);
    const pep = isObject(st.details.politicalExposure) ? st.details.politicalExposure : undefined;
    if (!who || !pep || !Array.isArray(pep.details)) continue;
    pep.details.forEach((d, k) => {
      const reason = isObject(d) ? str(d.reason) : undefined;
      if (!isObject(d) || !reason) return;
      const own = isObject(d.source) ? d.source : undefined;
      const src = statementSource(st, own);
      if (!src.source) {
        out.issues.push(issue(st.input, `recordDetails.politicalExposure.details.${k}.source`, src.problem!));
        return;
      }
      const role: Role = compact({
        type: 'role',
        id: ids.make('role', [slugOf(who.id), reason]),
        sources: [src.source],
        person: who.id,
        role: clip(reason, 160),
        category: 'office',
        start: dateOf(d.startDate),
        end: dateOf(d.endDate),
      } as Role);
      emit(role, st);
    });
  }

  // Relationships.
  for (const st of latest.values()) {
    if (st.recordType !== 'relationship') continue;
    const d = st.details;
    if (!Array.isArray(d.interests) || d.interests.length === 0) {
      skip(out.skipped, 'relationship without interests');
      continue;
    }
    if (isObject(d.interestedParty) || isObject(d.subject)) {
      const reason = isObject(d.interestedParty) ? str(d.interestedParty.reason) : undefined;
      skip(out.skipped, `unspecified party${reason ? ` (${reason})` : ''}`);
      continue;
    }
    const ends: ['subject', 'interestedParty'] = ['subject', 'interestedParty'];
    const [asset, party] = ends.map(end => {
      const ref = d[end];
      if (typeof ref !== 'string') {
        out.issues.push(issue(st.input, `recordDetails.${end}`, 'must be a recordId or an unspecified party'));
        return undefined;
      }
      const hit = entityOf.get(ref);
      if (hit) return hit;
      if (!known.has(ref))
        out.issues.push(issue(st.input, `recordDetails.${end}`, `refers to record ${ref}, which is not in the input`));
      return undefined;
    });
    if (!asset || !party) {
      const reason = [d.subject, d.interestedParty].map(r =>
        typeof r === 'string' ? skippedRecords.get(r) : undefined,
      );
      const why = reason.find(Boolean);
      if (why) skip(out.skipped, `relationship with a skipped party (${why})`);
      continue;
    }
    const src = statementSource(st, isObject(st.raw.source) ? st.raw.source : undefined);
    if (!src.source) {
      out.issues.push(issue(st.input, 'source.url', src.problem!));
      continue;
    }
    const closedOn = st.recordStatus === 'closed' ? st.date : undefined;
    const via = viaNote(d.componentRecords, entityOf, asset.id, party.id);
    d.interests.forEach((interest, k) => {
      if (!isObject(interest)) {
        out.issues.push(issue(st.input, `recordDetails.interests.${k}`, 'must be an object'));
        return;
      }
      const type = str(interest.type);
      const start = dateOf(interest.startDate);
      const end = dateOf(interest.endDate) ?? closedOn;
      const note = closedOn && !dateOf(interest.endDate) ? `The record was closed on ${closedOn}.` : undefined;
      const roleOf = type ? ROLE_INTEREST[type] : undefined;
      if (roleOf) {
        if (party.kind !== 'person') {
          skip(out.skipped, `${type} interest held by an entity`);
          return;
        }
        emit(
          compact({
            type: 'role',
            id: ids.make('role', [slugOf(party.id), slugOf(asset.id), roleOf.role]),
            sources: [src.source!],
            note,
            person: party.id,
            org: asset.id,
            role: roleOf.role,
            category: roleOf.category,
            start,
            end,
          } as Role),
          st,
        );
        return;
      }
      if (type === 'nominee') {
        skip(out.skipped, 'nominee interest (held for another party)');
        return;
      }
      if (type !== undefined && !(type in OWNERSHIP_INTEREST)) {
        out.issues.push(issue(st.input, `recordDetails.interests.${k}.type`, `unknown BODS interest type "${type}"`));
        return;
      }
      const ownInterest = type ? (OWNERSHIP_INTEREST[type] ?? undefined) : undefined;
      const direct = str(interest.directOrIndirect);
      const share = shareOf(interest.share);
      const qualifiers = [
        ownInterest && ownInterest !== 'shareholding' ? ownInterest : '',
        direct === 'indirect' ? 'indirect' : '',
      ];
      emit(
        compact({
          type: 'ownership',
          id: ids.make('own', [slugOf(party.id), slugOf(asset.id), ...qualifiers]),
          sources: [src.source!],
          note: [direct === 'indirect' ? via : undefined, note].filter(Boolean).join(' ') || undefined,
          owner: party.id,
          asset: asset.id,
          share: share?.share,
          shareText: share?.text,
          direct: direct === 'direct' || direct === 'indirect' || direct === 'unknown' ? direct : undefined,
          interest: ownInterest,
          start,
          end,
        } as Ownership),
        st,
      );
    });
  }
  return out;

  function statementSource(st: Statement, own: Json | undefined): { source?: Source; problem?: string } {
    const pub = isObject(st.raw.publicationDetails) ? st.raw.publicationDetails : {};
    const publisher = isObject(pub.publisher) ? str(pub.publisher.name) : undefined;
    const asserted = own && Array.isArray(own.assertedBy) ? own.assertedBy : [];
    const assertedBy = asserted.map(a => (isObject(a) ? str(a.name) : undefined)).find(Boolean);
    return sourceFrom(
      {
        url: own ? httpsUrl(own.url) : undefined,
        publisher: publisher ?? assertedBy,
        asOf: dateOf(st.raw.statementDate) ?? dateOf(pub.publicationDate),
        retrieved: own ? dateOf(own.retrievedAt) : undefined,
        title: clip(`BODS statement ${st.statementId}`, 300),
      },
      options.source,
    );
  }
}

function originOf(st: Statement): Origin {
  return { ...(st.input.line ? { line: st.input.line } : {}), ref: `statement ${st.statementId}` };
}

function readStatement(v: InputValue, report: (m: { field?: string; message: string }) => void): Statement | undefined {
  const s = v.value;
  if (!isObject(s)) {
    report({ message: 'a BODS statement must be a JSON object' });
    return undefined;
  }
  const problems: { field?: string; message: string }[] = [];
  const need = (field: string, ok: boolean, message: string) => ok || problems.push({ field, message });
  need('statementId', typeof s.statementId === 'string' && s.statementId.length > 0, 'is required (a string)');
  need('recordId', typeof s.recordId === 'string' && s.recordId.length > 0, 'is required (a string)');
  need(
    'recordType',
    s.recordType === 'entity' || s.recordType === 'person' || s.recordType === 'relationship',
    'must be entity, person or relationship',
  );
  need('recordDetails', isObject(s.recordDetails), 'is required (an object)');
  need('statementDate', dateOf(s.statementDate) !== undefined, 'must be a date (YYYY-MM-DD)');
  problems.forEach(report);
  if (problems.length) return undefined;
  return {
    input: v,
    statementId: s.statementId as string,
    recordId: s.recordId as string,
    recordType: s.recordType as Statement['recordType'],
    ...(typeof s.recordStatus === 'string' ? { recordStatus: s.recordStatus } : {}),
    details: s.recordDetails as Json,
    date: String(s.statementDate),
    raw: s,
  };
}

type Made = { entity: Entity } | { skip: string };

function entity(st: Statement): Made {
  const d = st.details;
  const type = isObject(d.entityType) ? str(d.entityType.type) : undefined;
  const name = str(d.name);
  let kind: Entity['kind'];
  if (type === 'registeredEntity' || type === 'legalEntity')
    kind = name && ORGANIZATION_WORDS.test(name) ? 'organization' : 'company';
  else if (type === 'state' || type === 'stateBody') kind = 'publicBody';
  else return { skip: `entity type ${type ?? '(missing)'}` };
  if (!name) return { skip: 'entity without a name' };
  const names: Name[] = [{ text: name, kind: 'primary' }];
  for (const alt of Array.isArray(d.alternateNames) ? d.alternateNames : []) addName(names, str(alt), 'alias');
  const ids: NonNullable<Entity['ids']> = {};
  const identifiers: string[] = [];
  for (const i of Array.isArray(d.identifiers) ? d.identifiers : []) {
    if (!isObject(i)) continue;
    const scheme = str(i.scheme);
    const value = str(i.id);
    if (scheme === 'XI-LEI' && value) ids.lei = value.toUpperCase();
    else if (value) identifiers.push(`${scheme ?? str(i.schemeName) ?? 'id'} ${value}`);
  }
  const ticker = tickerOf(d.publicListing);
  if (ticker) ids.ticker = ticker;
  const jurisdiction = isObject(d.jurisdiction) ? d.jurisdiction : {};
  const country = countryCode(jurisdiction.code);
  const where = str(jurisdiction.name)?.replace(/ \(the\)$/, '');
  const label =
    type === 'state'
      ? 'State'
      : type === 'stateBody'
        ? 'State body'
        : type === 'registeredEntity'
          ? 'Registered entity'
          : 'Legal entity';
  const description = clip(
    `${label}${where ? ` in ${where}` : ''}${identifiers.length ? ` (${identifiers.slice(0, 2).join(', ')})` : ''}, from beneficial ownership statements${publisherOf(st) ? ` published by ${publisherOf(st)}` : ''}.`,
    240,
  );
  const website = httpsUrl(d.uri);
  return {
    entity: compact({
      type: 'entity',
      id: '',
      kind,
      names,
      description,
      country,
      ids: Object.keys(ids).length ? ids : undefined,
      website,
    } as Entity),
  };
}

function person(st: Statement): Made {
  const d = st.details;
  const type = str(d.personType) ?? 'knownPerson';
  if (type !== 'knownPerson') return { skip: `person type ${type}` };
  const all = (Array.isArray(d.names) ? d.names : []).filter(isObject).map(n => ({
    type: str(n.type),
    text:
      str(n.fullName) ??
      str([n.givenName, n.patronymicName, n.familyName].filter(p => typeof p === 'string').join(' ')),
  }));
  const primary = all.find(n => n.type === 'legal' && n.text) ?? all.find(n => n.text);
  if (!primary?.text) return { skip: 'person without a name' };
  const names: Name[] = [{ text: primary.text, kind: 'primary' }];
  for (const n of all) {
    if (n === primary) continue;
    const kind: Name['kind'] =
      n.type === 'former' || n.type === 'birth'
        ? 'former'
        : n.type === 'translation' || n.type === 'transliteration'
          ? 'translation'
          : 'alias';
    addName(names, n.text, kind);
  }
  const nationality = Array.isArray(d.nationalities) ? d.nationalities.find(isObject) : undefined;
  const pep = isObject(d.politicalExposure) && d.politicalExposure.status === 'isPep';
  const by = publisherOf(st);
  const description = clip(
    `${pep ? 'Politically exposed person' : 'Person'} named in beneficial ownership statements${by ? ` published by ${by}` : ''}.`,
    240,
  );
  return {
    entity: compact({
      type: 'entity',
      id: '',
      kind: 'person',
      names,
      description,
      country: nationality ? countryCode(nationality.code) : undefined,
    } as Entity),
  };
}

function addName(names: Name[], text: string | undefined, kind: Name['kind']): void {
  if (!text || names.some(n => n.text.toLowerCase() === text.toLowerCase())) return;
  names.push({ text, kind });
}

function publisherOf(st: Statement): string | undefined {
  const pub = isObject(st.raw.publicationDetails) ? st.raw.publicationDetails : {};
  return isObject(pub.publisher) ? str(pub.publisher.name) : undefined;
}

function countryCode(value: unknown): string | undefined {
  const code = typeof value === 'string' ? value.trim().slice(0, 2).toUpperCase() : '';
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}

function tickerOf(listing: unknown): string | undefined {
  if (!isObject(listing) || !Array.isArray(listing.securitiesListings)) return undefined;
  for (const l of listing.securitiesListings) {
    if (!isObject(l) || !isObject(l.security)) continue;
    const exchange = EXCHANGES[str(l.marketIdentifierCode) ?? ''];
    const symbol = str(l.security.ticker)?.toUpperCase();
    if (exchange && symbol && /^[A-Z0-9.-]+$/.test(symbol)) return `${exchange}:${symbol}`;
  }
  return undefined;
}

/** BODS share → our share: exact, or a range whose exclusive bounds are said in the share text. */
export function shareOf(value: unknown): { share?: Share; text?: string } | undefined {
  if (!isObject(value)) return undefined;
  const num = (k: string) =>
    typeof value[k] === 'number' && Number.isFinite(value[k]) ? (value[k] as number) : undefined;
  const exact = num('exact');
  if (exact !== undefined) return { share: { exact }, text: `${exact}%` };
  const min = num('minimum') ?? num('exclusiveMinimum');
  const max = num('maximum') ?? num('exclusiveMaximum');
  if (min === undefined && max === undefined) return undefined;
  const parts = [
    num('minimum') !== undefined ? `at least ${min}%` : min !== undefined ? `more than ${min}%` : '',
    num('maximum') !== undefined ? `at most ${max}%` : max !== undefined ? `less than ${max}%` : '',
  ].filter(Boolean);
  return { share: compact({ min, max }), text: clean(parts.join(', ')) };
}

/** "Held through Company B." for an indirect interest whose component records name entities. */
function viaNote(
  components: unknown,
  entityOf: Map<string, { id: string; name: string }>,
  ...ends: string[]
): string | undefined {
  if (!Array.isArray(components)) return undefined;
  const names = components
    .map(c => (typeof c === 'string' ? entityOf.get(c) : undefined))
    .filter((e): e is { id: string; name: string } => !!e && !ends.includes(e.id))
    .map(e => e.name);
  return names.length ? clip(`Held through ${[...new Set(names)].join(', ')}.`, 300) : undefined;
}

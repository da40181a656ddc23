/**
 * Writes the packed name index (layout: index-format.ts) from the dataset's entities. Run at build
 * time for the bundled data and in the background when the reader's packs change; the reader
 * (packed-index.ts) then opens the bytes without parsing them.
 */
import {
  CASE_RULES,
  CASE_SHIFT,
  COUNTS,
  CUE_STRIDE,
  ENTITY_KIND_MAX,
  ENTITY_KIND_SHIFT,
  ENTITY_MAX,
  ENTITY_STRIDE,
  ENTRY_STRIDE,
  FLAG_PREFIXED,
  FLAG_STAKES,
  HEADER_WORDS,
  ID_MAX,
  KIND_MAX,
  KIND_SHIFT,
  LABEL_SHIFT,
  LENGTH_SHIFT,
  LONG_NAME,
  MAGIC,
  OFFSET_MAX,
  POLICIES,
  POLICY_SHIFT,
  SECTIONS,
  TOKEN_MAX,
  VERSION,
  hashSize,
  hashToken,
  type Section,
  type Tables,
} from './index-format.ts';
import { caseRuleOf, indexedNames, policyOf } from './name-index.ts';
import { canonicalGap, tokenize } from './text.ts';
import type { MatchEntity, Relation } from './types.ts';

/** A growable array of unsigned 32-bit words. */
class Words {
  array = new Uint32Array(1024);
  length = 0;

  push(...words: number[]): void {
    this.pushAll(words);
  }

  /** Any number of words (no spread: a long list would overflow the call stack). */
  pushAll(words: Iterable<number>): void {
    for (const w of words) {
      if (this.length === this.array.length) {
        const bigger = new Uint32Array(this.array.length * 2);
        bigger.set(this.array);
        this.array = bigger;
      }
      this.array[this.length++] = w;
    }
  }

  view(): Uint32Array {
    return this.array.subarray(0, this.length);
  }
}

/** UTF-8 bytes of every distinct string, each stored once. */
class Strings {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private readonly seen = new Map<string, [number, number]>();
  private readonly encoder = new TextEncoder();

  /** Offset and byte length of the string, stored once. */
  add(s: string): [number, number] {
    const known = this.seen.get(s);
    if (known) return known;
    const place = this.append(s);
    this.seen.set(s, place);
    return place;
  }

  /** Store the string at the end, even if it is already there (for strings that must be adjacent). */
  append(s: string): [number, number] {
    const need = s.length * 3;
    if (this.length + need > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + need));
      bigger.set(this.bytes.subarray(0, this.length));
      this.bytes = bigger;
    }
    const offset = this.length;
    this.length += this.encoder.encodeInto(s, this.bytes.subarray(offset)).written;
    return [offset, this.length - offset];
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** UTF-8 length of a string. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A code for each distinct string of a small table (entity kinds, name kinds). */
function coder(max: number): { code: (s: string) => number; list: string[] } {
  const list: string[] = [];
  const codes = new Map<string, number>();
  return {
    list,
    code(s) {
      let c = codes.get(s);
      if (c === undefined) {
        if (list.length > max) throw new Error(`too many kinds for the name index (more than ${max + 1})`);
        c = list.length;
        list.push(s);
        codes.set(s, c);
      }
      return c;
    },
  };
}

/**
 * Pack the entities' names into one buffer. `withStakes` holds the ids of entities that own or are
 * owned (the page marks them); `relations` are the pairs the dataset connects; `version` names the
 * data it was made from.
 */
export function packNameIndex(
  entities: Iterable<MatchEntity>,
  relations: Iterable<Relation> = [],
  withStakes: ReadonlySet<string> = new Set(),
  version = '',
): Uint8Array {
  const strings = new Strings();
  const entityKinds = coder(ENTITY_KIND_MAX);
  const nameKinds = coder(KIND_MAX);
  const entityWords = new Words();
  const byId = new Map<string, number>();

  // Entries, before grouping by first token.
  const entryToken: number[] = [];
  const entryWords = new Words();
  const entryCueList = new Map<number, number[]>(); // entry → cue ids
  const longNames = new Map<number, number>(); // entry → name length in bytes
  const idPrefixes: string[] = []; // by entity kind code
  const surnameEntry: number[] = []; // entity → entry + 1

  const tokenIds = new Map<string, number>();
  const tokenNorms: string[] = [];
  const cueIds = new Map<string, number>();
  const cueTexts: string[] = [];

  let entityCount = 0;
  for (const entity of entities) {
    if (byId.has(entity.id)) throw new Error(`duplicate entity id ${entity.id}`);
    const index = entityCount++;
    if (index > ENTITY_MAX) throw new Error(`too many entities for the name index (more than ${ENTITY_MAX + 1})`);
    byId.set(entity.id, index);
    // Ids of a kind mostly share a prefix ("company:"): the first id of each kind sets it.
    const kind = entityKinds.code(entity.kind);
    idPrefixes[kind] ??= entity.id.slice(0, entity.id.indexOf(':') + 1);
    const prefixed = idPrefixes[kind] !== '' && entity.id.startsWith(idPrefixes[kind]!);
    let flags = withStakes.has(entity.id) ? FLAG_STAKES : 0;
    if (prefixed) flags |= FLAG_PREFIXED;
    // The label is stored right after the id, so one offset finds both.
    const label = entity.names[0]?.text ?? entity.id;
    const [idOff, idLen] = strings.append(prefixed ? entity.id.slice(idPrefixes[kind]!.length) : entity.id);
    const [labelOff, labelLen] = strings.append(label);
    if (idLen > ID_MAX || labelLen > ID_MAX) throw new Error(`id or name too long for the index: ${entity.id}`);
    entityWords.push(idOff, (idLen | (labelLen << LABEL_SHIFT) | (kind << ENTITY_KIND_SHIFT) | flags) >>> 0, 0);
    surnameEntry.push(0);
    // This entity's stored names, to point into when a name is part of another ("Apple" in "Apple Inc.").
    const own: { text: string; offset: number }[] = [{ text: label, offset: labelOff }];

    const seen = new Set<string>();
    for (const name of indexedNames(entity)) {
      const policy = policyOf(name);
      if (policy === 'never') continue;
      const tokens = tokenize(name.text);
      if (tokens.length === 0) continue;
      const gaps: string[] = [];
      for (let i = 1; i < tokens.length; i++) {
        gaps.push(canonicalGap(name.text.slice(tokens[i - 1]!.end, tokens[i]!.start), tokens[i - 1]!.norm));
      }
      // An identical name of the same entity (an alias that folds to the primary) is kept once.
      const key = `${policy}\u0001${tokens.map(t => t.norm).join(' ')}\u0001${gaps.join('\u0002')}`;
      if (seen.has(key)) continue;
      seen.add(key);

      const first = tokens[0]!.norm;
      let token = tokenIds.get(first);
      if (token === undefined) {
        token = tokenNorms.length;
        if (token >= TOKEN_MAX) throw new Error(`too many distinct first words for the name index`);
        tokenNorms.push(first);
        tokenIds.set(first, token);
      }
      let nameOff = -1;
      for (const stored of own) {
        const at = stored.text.indexOf(name.text);
        if (at >= 0) {
          nameOff = stored.offset + utf8Length(stored.text.slice(0, at));
          break;
        }
      }
      if (nameOff < 0) {
        nameOff = strings.add(name.text)[0];
        own.push({ text: name.text, offset: nameOff });
      }
      if (nameOff > OFFSET_MAX) throw new Error('too much text for the name index (more than 64 MB of names)');
      const nameLen = utf8Length(name.text);
      const entry = entryToken.length;
      entryToken.push(token);
      if (nameLen >= LONG_NAME) longNames.set(entry, nameLen);
      if (name.cues?.length) {
        entryCueList.set(
          entry,
          name.cues.map(cue => {
            const norms = tokenize(cue)
              .map(t => t.norm)
              .join(' ');
            let id = cueIds.get(norms);
            if (id === undefined) {
              id = cueTexts.length;
              cueTexts.push(cue);
              cueIds.set(norms, id);
            }
            return id;
          }),
        );
      }
      const head =
        index |
        (nameKinds.code(name.kind) << KIND_SHIFT) |
        (POLICIES.indexOf(policy) << POLICY_SHIFT) |
        (CASE_RULES.indexOf(caseRuleOf(name)) << CASE_SHIFT);
      entryWords.push(head >>> 0, (nameOff | (Math.min(nameLen, LONG_NAME) << LENGTH_SHIFT)) >>> 0);
      if (policy === 'surname') surnameEntry[index] = entry + 1;
    }
  }

  // Group the entries by first token (a counting sort keeps each token's entries in dataset order).
  const tokenCount = tokenNorms.length;
  const entryCount = entryToken.length;
  const starts = new Uint32Array(tokenCount + 1);
  for (const t of entryToken) starts[t + 1]!++;
  for (let t = 0; t < tokenCount; t++) starts[t + 1]! += starts[t]!;
  const fill = starts.slice(0, tokenCount);
  const newPlace = new Uint32Array(entryCount);
  for (let e = 0; e < entryCount; e++) newPlace[e] = fill[entryToken[e]!]!++;
  const oldEntries = entryWords.view();
  const entries = new Uint32Array(entryCount * ENTRY_STRIDE);
  for (let e = 0; e < entryCount; e++) {
    entries.set(oldEntries.subarray(e * ENTRY_STRIDE, (e + 1) * ENTRY_STRIDE), newPlace[e]! * ENTRY_STRIDE);
  }

  const entityTable = entityWords.view();
  for (let i = 0; i < entityCount; i++) {
    const s = surnameEntry[i]!;
    if (s) entityTable[i * ENTITY_STRIDE + 2] = newPlace[s - 1]! + 1;
  }

  const hash = new Uint32Array(hashSize(tokenCount));
  const mask = hash.length - 1;
  for (let t = 0; t < tokenCount; t++) {
    const h = hashToken(tokenNorms[t]!);
    let slot = h & mask;
    while (hash[slot] !== 0) slot = (slot + 1) & mask;
    hash[slot] = ((h & 0xff000000) | (t + 1)) >>> 0;
  }

  const longRows = new Words();
  for (const [old, length] of [...longNames].sort((a, b) => newPlace[a[0]]! - newPlace[b[0]]!)) {
    longRows.push(newPlace[old]!, length);
  }
  const cueRefs = new Words();
  const entryCues = new Words();
  for (const [old, ids] of [...entryCueList].sort((a, b) => newPlace[a[0]]! - newPlace[b[0]]!)) {
    entryCues.push(newPlace[old]!, cueRefs.length, cueRefs.length + ids.length);
    cueRefs.pushAll(ids);
  }
  const cues = new Uint32Array(cueTexts.length * CUE_STRIDE);
  cueTexts.forEach((text, i) => cues.set(strings.add(text), i * CUE_STRIDE));

  // Related entities, both ways, one list per entity that has any.
  const related = new Map<number, Set<number>>();
  const relate = (a: number, b: number) => {
    let set = related.get(a);
    if (!set) related.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [a, b] of relations) {
    const ia = byId.get(a);
    const ib = byId.get(b);
    if (ia === undefined || ib === undefined || ia === ib) continue;
    relate(ia, ib);
    relate(ib, ia);
  }
  const relIndex = new Words();
  const relatedWords = new Words();
  for (const [entity, set] of [...related].sort((a, b) => a[0] - b[0])) {
    relIndex.push(entity, relatedWords.length);
    relatedWords.pushAll(set);
  }
  relIndex.push(entityCount, relatedWords.length); // closes the last list

  const tables: Tables = { entityKinds: entityKinds.list, idPrefixes, nameKinds: nameKinds.list, version };
  const parts: Record<Section, ArrayBufferView> = {
    strings: strings.view(),
    entities: entityTable,
    relIndex: relIndex.view(),
    related: relatedWords.view(),
    tokens: starts,
    hash,
    entries,
    longNames: longRows.view(),
    entryCues: entryCues.view(),
    cueRefs: cueRefs.view(),
    cues,
    tables: new TextEncoder().encode(JSON.stringify(tables)),
  };

  const header = new Uint32Array(HEADER_WORDS);
  header.set([MAGIC, VERSION, entityCount, entryCount, tokenCount, cueTexts.length]);
  let offset = HEADER_WORDS * 4;
  SECTIONS.forEach((name, i) => {
    const length = parts[name].byteLength;
    header[COUNTS + 2 * i] = offset;
    header[COUNTS + 2 * i + 1] = length;
    offset += Math.ceil(length / 4) * 4;
  });
  const out = new Uint8Array(offset);
  out.set(new Uint8Array(header.buffer));
  SECTIONS.forEach((name, i) => {
    const part = parts[name];
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), header[COUNTS + 2 * i]!);
  });
  return out;
}

/**
 * Reads the packed name index (layout: index-format.ts) in place. Opening it costs a few
 * typed-array views whatever the number of names; the trie node for a first token is made the
 * first time a text has that token and kept (a bounded cache), so a page's matching decodes only
 * the names that start with one of its words.
 */
import {
  CASE_RULES,
  CASE_SHIFT,
  COUNTS,
  CUE_REF_STRIDE,
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
  LONG_STRIDE,
  MAGIC,
  OFFSET_MAX,
  POLICIES,
  POLICY_SHIFT,
  REL_STRIDE,
  SECTIONS,
  VERSION,
  hashToken,
  type Section,
  type Tables,
} from './index-format.ts';
import { packNameIndex } from './index-pack.ts';
import type { Cue, IndexedEntity, MatchIndex, NameEntry, TrieNode } from './name-index.ts';
import { canonicalGap, tokenize, type Token } from './text.ts';
import type { MatchEntity, Relation } from './types.ts';

/** First tokens whose trie nodes are kept; past this the cache starts again. */
const NODE_CACHE = 50_000;
const ENTITY_CACHE = 20_000;

export class PackedIndex implements MatchIndex {
  readonly entityCount: number;
  readonly nameCount: number;
  /** The packed index itself (to keep it, e.g. in IndexedDB). */
  readonly bytes: Uint8Array;
  /** The version of the data it was made from. */
  readonly version: string;
  private readonly strings: Uint8Array;
  private readonly entities: Uint32Array;
  private readonly relIndex: Uint32Array;
  private readonly related: Uint32Array;
  private readonly tokens: Uint32Array;
  private readonly hash: Uint32Array;
  private readonly entries: Uint32Array;
  private readonly longNames: Uint32Array;
  private readonly entryCues: Uint32Array;
  private readonly cueRefs: Uint32Array;
  private readonly cueTable: Uint32Array;
  private readonly tables: Tables;
  private readonly decoder = new TextDecoder();
  private readonly nodes = new Map<string, TrieNode | null>();
  private readonly entityCache = new Map<number, IndexedEntity>();
  private readonly cueCache = new Map<number, Cue>();

  /** Throws when the bytes are not an index this reader knows (a clear message, nothing read). */
  constructor(data: ArrayBuffer | Uint8Array) {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const fail = (why: string): never => {
      throw new Error(`not a Stakes name index: ${why}`);
    };
    if (bytes.byteLength < HEADER_WORDS * 4) fail(`${bytes.byteLength} bytes is too short`);
    // Typed-array views need 4-byte alignment: copy the rare buffer that does not have it.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const header = new Uint32Array(aligned.buffer, aligned.byteOffset, HEADER_WORDS);
    if (header[0] !== MAGIC) fail('wrong signature');
    if (header[1] !== VERSION) fail(`version ${header[1]}, this reader knows ${VERSION}`);
    this.entityCount = header[2]!;
    this.nameCount = header[3]!;
    this.bytes = aligned;
    const section = (name: Section): [number, number] => {
      const i = SECTIONS.indexOf(name);
      const offset = header[COUNTS + 2 * i]!;
      const length = header[COUNTS + 2 * i + 1]!;
      if (offset % 4 !== 0 || offset + length > aligned.byteLength) fail(`section ${name} is out of bounds`);
      return [aligned.byteOffset + offset, length];
    };
    const words = (name: Section, stride = 1): Uint32Array => {
      const [offset, length] = section(name);
      if (length % (4 * stride) !== 0) fail(`section ${name} has a partial record`);
      return new Uint32Array(aligned.buffer, offset, length / 4);
    };
    const bytesOf = (name: Section): Uint8Array => new Uint8Array(aligned.buffer, ...section(name));
    this.strings = bytesOf('strings');
    this.entities = words('entities', ENTITY_STRIDE);
    this.relIndex = words('relIndex', REL_STRIDE);
    this.related = words('related');
    this.tokens = words('tokens');
    this.hash = words('hash');
    this.entries = words('entries', ENTRY_STRIDE);
    this.longNames = words('longNames', LONG_STRIDE);
    this.entryCues = words('entryCues', CUE_REF_STRIDE);
    this.cueRefs = words('cueRefs');
    this.cueTable = words('cues', CUE_STRIDE);
    this.tables = JSON.parse(this.decoder.decode(bytesOf('tables'))) as Tables;
    this.version = this.tables.version;
    if (this.entities.length !== this.entityCount * ENTITY_STRIDE) fail('entity count does not match');
    if (this.entries.length !== this.nameCount * ENTRY_STRIDE) fail('name count does not match');
    if (this.tokens.length !== header[4]! + 1) fail('token count does not match');
    if (this.relIndex.length < REL_STRIDE) fail('related table is not closed');
    if ((this.hash.length & (this.hash.length - 1)) !== 0) fail('hash table size is not a power of two');
  }

  rootNode(norm: string): TrieNode | undefined {
    // Most words of a text begin no name: the hash table says so (a few probes of a typed array)
    // more cheaply than a lookup in the cache.
    if (!this.mayBeFirstToken(norm)) return undefined;
    const cached = this.nodes.get(norm);
    if (cached !== undefined) return cached ?? undefined;
    if (this.nodes.size >= NODE_CACHE) this.nodes.clear();
    const node = this.findNode(norm);
    this.nodes.set(norm, node);
    return node ?? undefined;
  }

  entity(index: number): IndexedEntity {
    let e = this.entityCache.get(index);
    if (!e) {
      if (this.entityCache.size >= ENTITY_CACHE) this.entityCache.clear();
      const at = index * ENTITY_STRIDE;
      const word = this.entities[at + 1]!;
      const kind = (word >>> ENTITY_KIND_SHIFT) & ENTITY_KIND_MAX;
      const id = this.text(this.entities[at]!, word & ID_MAX);
      e = {
        id: word & FLAG_PREFIXED ? this.tables.idPrefixes[kind]! + id : id,
        kind: this.tables.entityKinds[kind]!,
      };
      this.entityCache.set(index, e);
    }
    return e;
  }

  /** The entity's display name (its first name in the dataset). */
  label(index: number): string {
    const at = index * ENTITY_STRIDE;
    const word = this.entities[at + 1]!;
    return this.text(this.entities[at]! + (word & ID_MAX), (word >>> LABEL_SHIFT) & ID_MAX);
  }

  /** Whether the entity owns or is owned by someone in the dataset. */
  hasStakes(index: number): boolean {
    return (this.entities[index * ENTITY_STRIDE + 1]! & FLAG_STAKES) !== 0;
  }

  isSurname(norm: string): boolean {
    return this.rootNode(norm)?.entries?.some(e => e.policy === 'surname') ?? false;
  }

  surnameOf(index: number): string | undefined {
    const entry = this.entities[index * ENTITY_STRIDE + 2]!;
    if (entry === 0) return undefined;
    return tokenize(this.nameAt(entry - 1))
      .map(t => t.norm)
      .join(' ');
  }

  relatedTo(index: number): Uint32Array {
    // The row after the entity's says where its list ends (a last row closes the table).
    const row = findRow(this.relIndex, REL_STRIDE, index);
    if (row < 0) return this.related.subarray(0, 0);
    return this.related.subarray(this.relIndex[row + 1]!, this.relIndex[row + REL_STRIDE + 1]!);
  }

  cue(id: number): Cue {
    let cue = this.cueCache.get(id);
    if (!cue) {
      const text = this.text(this.cueTable[id * CUE_STRIDE]!, this.cueTable[id * CUE_STRIDE + 1]!);
      cue = { text, tokens: tokenize(text).map(t => t.norm) };
      this.cueCache.set(id, cue);
    }
    return cue;
  }

  private text(offset: number, length: number): string {
    return this.decoder.decode(this.strings.subarray(offset, offset + length));
  }

  /** False when no first token in the hash table has the hash's top byte where `norm` would be. */
  private mayBeFirstToken(norm: string): boolean {
    const mask = this.hash.length - 1;
    const h = hashToken(norm);
    const top = h >>> 24;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.hash[slot]!;
      if (v === 0) return false;
      if (v >>> 24 === top) return true;
    }
  }

  /** The trie node of the names whose first token is `norm`, or null. */
  private findNode(norm: string): TrieNode | null {
    const mask = this.hash.length - 1;
    const h = hashToken(norm);
    const top = h >>> 24;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.hash[slot]!;
      if (v === 0) return null;
      if (v >>> 24 !== top) continue;
      const node = this.makeNode((v & 0xffffff) - 1, norm);
      if (node) return node;
      // Another token with the same top byte: keep probing.
    }
  }

  /** The trie of every name whose first token is this one; null when that token is not `norm`. */
  private makeNode(token: number, norm: string): TrieNode | null {
    const root: TrieNode = {};
    const start = this.tokens[token]!;
    const end = this.tokens[token + 1]!;
    for (let e = start; e < end; e++) {
      const name = this.nameAt(e);
      const tokens = tokenize(name);
      if (e === start && tokens[0]?.norm !== norm) return null;
      const entry = this.entryAt(e, name, tokens);
      let node = root;
      for (let k = 1; k < tokens.length; k++) {
        const next = (node.next ??= new Map());
        let child = next.get(tokens[k]!.norm);
        if (!child) next.set(tokens[k]!.norm, (child = {}));
        node = child;
      }
      (node.entries ??= []).push(entry);
    }
    return root;
  }

  private nameAt(e: number): string {
    const word = this.entries[e * ENTRY_STRIDE + 1]!;
    let length = word >>> LENGTH_SHIFT;
    if (length === LONG_NAME) {
      const row = findRow(this.longNames, LONG_STRIDE, e);
      if (row >= 0) length = this.longNames[row + 1]!;
    }
    return this.text(word & OFFSET_MAX, length);
  }

  private entryAt(e: number, name: string, tokens: readonly Token[]): NameEntry {
    const at = e * ENTRY_STRIDE;
    const head = this.entries[at]!;
    const gaps: string[] = [];
    for (let i = 1; i < tokens.length; i++) {
      gaps.push(canonicalGap(name.slice(tokens[i - 1]!.end, tokens[i]!.start), tokens[i - 1]!.norm));
    }
    const entry: NameEntry = {
      entity: head & ENTITY_MAX,
      name,
      kind: this.tables.nameKinds[(head >>> KIND_SHIFT) & KIND_MAX]!,
      rawTokens: tokens.map(t => t.raw),
      gaps,
      policy: POLICIES[(head >>> POLICY_SHIFT) & 3]!,
      caseRule: CASE_RULES[(head >>> CASE_SHIFT) & 3]!,
    };
    const row = findRow(this.entryCues, CUE_REF_STRIDE, e);
    if (row >= 0) {
      entry.cues = [...this.cueRefs.subarray(this.entryCues[row + 1]!, this.entryCues[row + 2]!)];
    }
    return entry;
  }
}

/** Binary search of the row whose first word is `key` in a table sorted by it; -1 when absent. */
function findRow(table: Uint32Array, stride: number, key: number): number {
  let lo = 0;
  let hi = table.length / stride - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = table[mid * stride]!;
    if (at === key) return mid * stride;
    if (at < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Pack and open an index in one step (tests, the CLI, a dataset assembled in memory). */
export function indexNames(
  entities: Iterable<MatchEntity>,
  relations: Iterable<Relation> = [],
  withStakes: ReadonlySet<string> = new Set(),
): PackedIndex {
  return new PackedIndex(packNameIndex(entities, relations, withStakes));
}

/**
 * The packed name index's layout, shared by the writer (index-pack.ts) and the reader
 * (packed-index.ts). In the platform's byte order (little-endian wherever browsers run), every
 * section 4-byte aligned:
 *
 *   header    HEADER_WORDS × u32: magic, version, counts, then (offset, length) in bytes per section
 *   strings   UTF-8 bytes: each entity's id (less the id prefix of its kind, when it has it)
 *             followed by its label, and the names (a name that is part of another name of the
 *             same entity, or equal to any stored name, is not stored again)
 *   entities  ENTITY_STRIDE × u32: id offset; id length | label length | kind | prefixed | stakes;
 *             its (last) surname entry + 1 (0: none)
 *   relIndex  REL_STRIDE × u32 for the entities with related entities, by entity: entity, start
 *             in `related` (the end is the next row's start; a last row closes the list)
 *   related   u32 entity indexes
 *   tokens    tokenCount + 1 × u32: where each first token's entries start (the next one: end)
 *   hash      u32 × 2^k by hash of the first token, open addressing: the hash's top byte | token + 1;
 *             0 = empty. A token is not stored: its first entry's name tells it (a rare false
 *             match of the top byte is seen there and probing goes on)
 *   entries   ENTRY_STRIDE × u32, grouped by first token: entity | name kind | policy | case rule;
 *             name offset | name length (LONG_NAME: see longNames)
 *   longNames LONG_STRIDE × u32 for names of LONG_NAME bytes or more, by entry: entry, length
 *   entryCues CUE_REF_STRIDE × u32 for entries with cues, by entry: entry, [start, end) in cueRefs
 *   cueRefs   u32 cue ids
 *   cues      CUE_STRIDE × u32: cue text (offset, length)
 *   tables    UTF-8 JSON: the entity kinds (with their id prefixes) and name kinds the codes above
 *             refer to, the data's version
 */
import type { CaseRule } from './types.ts';
import type { EntryPolicy } from './name-index.ts';

export const MAGIC = 0x494b5453; // "STKI"
export const VERSION = 3;

export const SECTIONS = [
  'strings',
  'entities',
  'relIndex',
  'related',
  'tokens',
  'hash',
  'entries',
  'longNames',
  'entryCues',
  'cueRefs',
  'cues',
  'tables',
] as const;
export type Section = (typeof SECTIONS)[number];

/** magic, version, entityCount, entryCount, tokenCount, cueCount, then 2 words per section. */
export const COUNTS = 6;
export const HEADER_WORDS = 32;

export const ENTITY_STRIDE = 3;
export const REL_STRIDE = 2;
export const ENTRY_STRIDE = 2;
export const LONG_STRIDE = 2;
export const CUE_REF_STRIDE = 3;
export const CUE_STRIDE = 2;

/** Entity word 1: id length (12 bits), label length (12), kind (6), id prefixed (1), stakes (1). */
export const ID_MAX = 0xfff;
export const LABEL_SHIFT = 12;
export const ENTITY_KIND_SHIFT = 24;
export const ENTITY_KIND_MAX = 0x3f;
export const FLAG_PREFIXED = 0x40000000;
export const FLAG_STAKES = 0x80000000;

/** Entry word 0: entity (24 bits), name kind (4), policy (2), case rule (2). */
export const ENTITY_MAX = 0xffffff;
export const KIND_SHIFT = 24;
export const KIND_MAX = 0xf;
export const POLICY_SHIFT = 28;
export const CASE_SHIFT = 30;
/** Entry word 1: name offset (26 bits), name length (6; LONG_NAME: the length is in longNames). */
export const OFFSET_MAX = 0x3ffffff;
export const LENGTH_SHIFT = 26;
export const LONG_NAME = 0x3f;

/** Hash slot: the hash's top byte, then token + 1 in 24 bits. */
export const TOKEN_MAX = 0xfffffe;

export const POLICIES: readonly EntryPolicy[] = ['always', 'context', 'surname'];
export const CASE_RULES: readonly CaseRule[] = ['title', 'exact', 'any'];

export interface Tables {
  entityKinds: string[];
  /** By entity kind: the prefix most of its ids have ("company:"), left out of the stored id. */
  idPrefixes: string[];
  nameKinds: string[];
  /** The version of the data the index was made from. */
  version: string;
}

/** FNV-1a over UTF-16 code units. */
export function hashToken(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The smallest power of two that keeps the hash table at most 70% full. */
export function hashSize(n: number): number {
  let size = 2;
  while (size * 0.7 < n) size *= 2;
  return size;
}

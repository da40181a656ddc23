/**
 * Messages between the page (content script), the extension's pages and the
 * background, as a discriminated union. The background owns the data; the
 * page asks it to find mentions in text and for the card of an entity.
 */
import type { CardData, EntityRef, OutletView } from './card.ts';

/** A mention found in a text sent by the page; offsets are UTF-16 code units. */
export interface FoundMention {
  start: number;
  end: number;
  entityId: string;
  name: string;
  kind: string;
  /** Why it matched, for the card's small print. */
  why: string;
  /** Whether the dataset records owners, holdings or corporate links for the entity. */
  stakes?: boolean;
}

/** One entity underlined on a page, as the page reports it to the background. */
export interface PageEntity extends EntityRef {
  mentions: number;
}

/** What the background knows about one tab's page, for the popup and the overview. */
export interface PageInfo {
  tabId: number;
  url: string;
  host: string;
  /** Whether Stakes is underlining on this page (settings allow it). */
  active: boolean;
  entities: PageEntity[];
  outlet: OutletView | null;
  /** Connections between the page's entities, for the overview's graph. */
  links: { from: string; to: string; how: string }[];
}

export type Request =
  | { type: 'match'; text: string }
  | { type: 'card'; id: string; page?: string[] }
  | { type: 'status' }
  | { type: 'page'; url: string; active: boolean; entities: PageEntity[] }
  | { type: 'pageInfo'; tabId: number }
  | { type: 'outlet'; host: string; page: string[] }
  | { type: 'importPack'; name: string; text: string; source?: PackSourceInput }
  | { type: 'packs' }
  | { type: 'removePack'; name: string };

/** The source the reader names for a pack's records that carry none (FtM, BODS). */
export interface PackSourceInput {
  url: string;
  publisher?: string;
  /** The date the data describes (YYYY-MM-DD). */
  asOf?: string;
}

/** A data pack the reader imported (options page), as the background reports it. */
export interface PackInfo {
  name: string;
  format: string;
  /** ISO date and time of the import. */
  importedAt: string;
  /** Records by type (entity, ownership, role…). */
  counts: Record<string, number>;
  /** Whether its records are in use; a stored pack that no longer fits the bundled data is kept but not loaded. */
  loaded: boolean;
  problem?: string;
}

/** The answer to an import: all or nothing, every problem named. */
export interface ImportReply {
  ok: boolean;
  problems: string[];
  /** Input records left out on purpose, by reason (FtM and BODS). */
  skipped: Record<string, number>;
  pack?: PackInfo;
}

export interface StatusReply {
  entities: number;
  names: number;
  version: string;
  updated: string;
  /** Imported data packs in use. */
  packs?: number;
}

export type Reply<R extends Request> = R extends { type: 'match' }
  ? { mentions: FoundMention[] }
  : R extends { type: 'card' }
    ? { card: CardData | null }
    : R extends { type: 'status' }
      ? StatusReply
      : R extends { type: 'page' }
        ? { outlet: OutletView | null }
        : R extends { type: 'pageInfo' }
          ? { page: PageInfo | null }
          : R extends { type: 'outlet' }
            ? { outlet: OutletView | null }
            : R extends { type: 'importPack' }
              ? ImportReply
              : R extends { type: 'packs' | 'removePack' }
                ? { packs: PackInfo[] }
                : never;

/** Messages from the extension's pages (popup, overview) and the background to a tab's content script. */
export type TabRequest =
  { type: 'stakes:jump'; entityId: string; step?: 1 | -1 } | { type: 'stakes:step'; step: 1 | -1 };

export function isTabRequest(value: unknown): value is TabRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; entityId?: unknown; step?: unknown };
  if (v.type === 'stakes:jump') return typeof v.entityId === 'string';
  if (v.type === 'stakes:step') return v.step === 1 || v.step === -1;
  return false;
}

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const v = value as {
    type: unknown;
    text?: unknown;
    id?: unknown;
    page?: unknown;
    url?: unknown;
    entities?: unknown;
    tabId?: unknown;
    host?: unknown;
    active?: unknown;
    name?: unknown;
    source?: unknown;
  };
  const strings = (a: unknown) => a === undefined || (Array.isArray(a) && a.every(x => typeof x === 'string'));
  switch (v.type) {
    case 'match':
      return typeof v.text === 'string';
    case 'card':
      return typeof v.id === 'string' && strings(v.page);
    case 'status':
      return true;
    case 'page':
      return typeof v.url === 'string' && typeof v.active === 'boolean' && Array.isArray(v.entities);
    case 'pageInfo':
      return typeof v.tabId === 'number';
    case 'outlet':
      return typeof v.host === 'string' && Array.isArray(v.page) && strings(v.page);
    case 'importPack':
      return typeof v.name === 'string' && typeof v.text === 'string' && isPackSource(v.source);
    case 'packs':
      return true;
    case 'removePack':
      return typeof v.name === 'string';
    default:
      return false;
  }
}

function isPackSource(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  const s = value as { url?: unknown; publisher?: unknown; asOf?: unknown };
  const optional = (x: unknown) => x === undefined || typeof x === 'string';
  return typeof s.url === 'string' && optional(s.publisher) && optional(s.asOf);
}

/**
 * Messages between the page (content script), the extension's pages and the
 * background, as a discriminated union. The background owns the data; the
 * page asks it to find mentions in text and for the card of an entity.
 */
import type { CardData } from './card.ts';

/** A mention found in a text sent by the page; offsets are UTF-16 code units. */
export interface FoundMention {
  start: number;
  end: number;
  entityId: string;
  name: string;
  kind: string;
  /** Why it matched, for the card's small print. */
  why: string;
}

export type Request =
  | { type: 'match'; text: string }
  | { type: 'card'; id: string }
  | { type: 'status' };

export interface StatusReply {
  entities: number;
  names: number;
  version: string;
  updated: string;
}

export type Reply<R extends Request> = R extends { type: 'match' }
  ? { mentions: FoundMention[] }
  : R extends { type: 'card' }
    ? { card: CardData | null }
    : R extends { type: 'status' }
      ? StatusReply
      : never;

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const v = value as { type: unknown; text?: unknown; id?: unknown };
  switch (v.type) {
    case 'match':
      return typeof v.text === 'string';
    case 'card':
      return typeof v.id === 'string';
    case 'status':
      return true;
    default:
      return false;
  }
}

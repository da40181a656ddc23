/**
 * The background's engine: one dataset, one name index, answering the
 * page's requests. Pure (no browser APIs) so the CLI and tests use it as is.
 */
import { buildNameIndex, type Dataset } from '../data/dataset.ts';
import { findMentions } from '../match/matcher.ts';
import type { PackedIndex } from '../match/packed-index.ts';
import type { FoundMention, Reply, Request } from '../shared/messages.ts';
import { CardBuilder } from './cards.ts';

const RULE_TEXT = { name: 'name', context: 'name with context', surname: 'surname' } as const;

/** The mentions of dataset names in a text, as the page receives them. Needs the name index only. */
export function matchText(index: PackedIndex, text: string): FoundMention[] {
  return findMentions(index, text).map(m => {
    const why = `matched “${m.name}” (${RULE_TEXT[m.rule]}${m.evidence ? `: ${m.evidence}` : ''})`;
    const found: FoundMention = {
      start: m.start,
      end: m.end,
      entityId: m.entityId,
      name: index.label(m.entity),
      kind: index.entity(m.entity).kind,
      why,
    };
    if (index.hasStakes(m.entity)) found.stakes = true;
    return found;
  });
}

export class Engine {
  readonly cards: CardBuilder;

  /** `index`: the dataset's packed name index when it is already loaded (else it is built). */
  constructor(
    readonly dataset: Dataset,
    readonly index: PackedIndex = buildNameIndex(dataset),
  ) {
    this.cards = new CardBuilder(dataset);
  }

  match(text: string): FoundMention[] {
    return matchText(this.index, text);
  }

  handle<R extends Request>(request: R): Reply<R> {
    switch (request.type) {
      case 'match':
        return { mentions: this.match(request.text) } as Reply<R>;
      case 'card':
        return { card: this.cards.buildFor(request.id, request.page) } as Reply<R>;
      case 'outlet':
        return { outlet: this.cards.outletFor(request.host, request.page) } as Reply<R>;
      case 'status':
        return {
          entities: this.dataset.entities.length,
          names: this.index.nameCount,
          version: this.dataset.meta.version,
          updated: this.dataset.meta.updated,
        } as Reply<R>;
      case 'page':
      case 'pageInfo':
      case 'importPack':
      case 'removePack':
      case 'packs':
        break; // per-tab requests and the reader's packs: answered by the background's index.ts
    }
    throw new Error(`unknown request ${(request as { type: string }).type}`);
  }
}

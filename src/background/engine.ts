/**
 * The background's engine: one dataset, one name index, answering the
 * page's requests. Pure (no browser APIs) so the CLI and tests use it as is.
 */
import { buildNameIndex, type Dataset } from '../data/dataset.ts';
import type { NameIndex } from '../match/name-index.ts';
import { findMentions } from '../match/matcher.ts';
import type { FoundMention, Reply, Request } from '../shared/messages.ts';
import { CardBuilder } from './cards.ts';

const RULE_TEXT = { name: 'name', context: 'name with context', surname: 'surname' } as const;

export class Engine {
  readonly index: NameIndex;
  readonly cards: CardBuilder;

  constructor(readonly dataset: Dataset) {
    this.index = buildNameIndex(dataset);
    this.cards = new CardBuilder(dataset);
  }

  match(text: string): FoundMention[] {
    return findMentions(this.index, text).map(m => {
      const ref = this.cards.ref(m.entityId);
      const why = `matched “${m.name}” (${RULE_TEXT[m.rule]}${m.evidence ? `: ${m.evidence}` : ''})`;
      const found: FoundMention = {
        start: m.start,
        end: m.end,
        entityId: m.entityId,
        name: ref.name,
        kind: ref.kind,
        why,
      };
      if (this.cards.graph.hasStakes(m.entityId)) found.stakes = true;
      return found;
    });
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

/** `stakes entities --jsonl`: one line per entity. */
import type { Writable } from 'node:stream';

import type { Dataset } from '../data/dataset.ts';

export function entitiesJsonl(dataset: Dataset, out: Writable): number {
  for (const e of dataset.entities) {
    const line = {
      id: e.id,
      name: e.names[0]!.text,
      kind: e.kind,
      wikidata: e.ids?.wikidata ?? null,
      aliases: e.names.slice(1).map(n => n.text),
    };
    out.write(JSON.stringify(line) + '\n');
  }
  return 0;
}

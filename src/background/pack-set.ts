/**
 * The reader's imported data packs on top of the bundled dataset. Pure (no browser APIs): the
 * background keeps the packs in IndexedDB (pack-store.ts) and builds its engine from `assemble`.
 *
 * - An import is all or nothing: the pack is read (our JSON Lines, FollowTheMoney or BODS 0.4),
 *   converted and checked against the bundled data and the other packs; on any problem nothing is
 *   stored and every problem is reported.
 * - Importing a pack under a name already used replaces that pack, and only once the new one has
 *   passed every check: what the reader had is never lost to a bad file.
 * - A stored pack that no longer fits the bundled data (after an update of the extension) is kept,
 *   marked as not loaded with the reason, and can be removed by the reader.
 */
import type { Dataset } from '../data/dataset.ts';
import { readPack } from '../data/formats/index.ts';
import { describePackIssue, mergePack, validatePackRecords } from '../data/pack.ts';
import type { DataRecord } from '../data/schema.ts';
import type { ImportReply, PackInfo, PackSourceInput } from '../shared/messages.ts';

export interface StoredPack {
  name: string;
  format: string;
  importedAt: string;
  records: DataRecord[];
  skipped: Record<string, number>;
}

/** At most this many problems are reported by name; the rest are counted. */
export const MAX_PROBLEMS = 50;

export function countRecords(records: readonly DataRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}

function info(pack: StoredPack, loaded: boolean, problem?: string): PackInfo {
  const out: PackInfo = {
    name: pack.name,
    format: pack.format,
    importedAt: pack.importedAt,
    counts: countRecords(pack.records),
    loaded,
  };
  if (problem) out.problem = problem;
  return out;
}

/** The bundled dataset with every stored pack that still validates against it, in import order. */
export function assemble(base: Dataset, packs: readonly StoredPack[]): { dataset: Dataset; packs: PackInfo[] } {
  let dataset = base;
  const infos: PackInfo[] = [];
  for (const pack of packs) {
    const result = validatePackRecords(pack.records, { file: pack.name, existing: dataset });
    if (result.ok) {
      dataset = mergePack(dataset, result);
      infos.push(info(pack, true));
    } else {
      const first = result.issues[0];
      infos.push(info(pack, false, first ? describePackIssue(first) : 'does not validate'));
    }
  }
  return { dataset, packs: infos };
}

export interface ImportRequest {
  name: string;
  text: string;
  source?: PackSourceInput;
}

/** A readable pack name from a file name: "My pack (2).jsonl" → "My pack (2)". */
export function packName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(jsonl|ndjson|json)$/i, '');
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001F\u007F<>&"]/g, '').trim();
  return clean.slice(0, 80) || 'pack';
}

/**
 * Reads and checks a pack against the bundled data and the other packs (a pack of the same name is
 * the one being replaced). Returns the pack to store when it passed, with the reply for the reader.
 */
export function preparePack(
  base: Dataset,
  packs: readonly StoredPack[],
  request: ImportRequest,
  now = new Date(),
): { reply: ImportReply; pack?: StoredPack } {
  const name = packName(request.name);
  const others = packs.filter(p => p.name !== name);
  const { dataset } = assemble(base, others);
  const day = now.toISOString().slice(0, 10);
  const result = readPack(request.text, dataset, {
    file: name,
    ...(request.source
      ? {
          source: {
            url: request.source.url,
            ...(request.source.publisher ? { publisher: request.source.publisher } : {}),
            ...(request.source.asOf ? { asOf: request.source.asOf } : {}),
            retrieved: day,
          },
        }
      : {}),
  });
  if (!result.ok) {
    const problems = result.issues.slice(0, MAX_PROBLEMS).map(describePackIssue);
    if (result.issues.length > MAX_PROBLEMS)
      problems.push(`… and ${result.issues.length - MAX_PROBLEMS} more problems`);
    return { reply: { ok: false, problems, skipped: result.skipped } };
  }
  const pack: StoredPack = {
    name,
    format: result.format ?? 'stakes',
    importedAt: now.toISOString(),
    records: result.records.filter(r => r.type !== 'meta'),
    skipped: result.skipped,
  };
  return { reply: { ok: true, problems: [], skipped: result.skipped, pack: info(pack, true) }, pack };
}

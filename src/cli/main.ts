/**
 * The `stakes` command line. It runs the extension's own code: the same
 * matcher and dataset as the background, and for HTML files the same article
 * detection as the content script (in jsdom).
 */
import fs from 'node:fs';
import path from 'node:path';

import { Engine } from '../background/engine.ts';
import { compileDataset, SOURCES_DIR } from '../data/compile.ts';
import { DataError } from '../data/records.ts';
import { annotateJsonl, annotateFile } from './annotate.ts';
import { datasetCommand } from './dataset.ts';
import { entitiesJsonl } from './entities.ts';

export const USAGE = `usage:
  stakes annotate FILE              print the mentions and entities in an HTML or text file
  stakes annotate --jsonl           read {"id","text"} lines on stdin, write {"id","mentions":[…]} lines
  stakes entities --jsonl           write one line per entity: id, name, kind, wikidata, aliases
  stakes dataset stats [--json]     counts, sources, as-of dates and name collisions
  stakes dataset check              validate the source files (exit 1 on any problem)
  stakes dataset fmt [--check]      rewrite the source files in canonical form (or only check)
  stakes dataset import NAME [--corpora DIR]
                                    regenerate an imported source file (NAME: congress, sp500 or outlets)
                                    from the public corpora in DIR (default: ../shared/corpora)
  stakes dataset import-pack FILE [--format ftm|bods|stakes] [--source-url URL --publisher NAME --as-of DATE]
                              [--out FILE]
                                    convert FollowTheMoney entities or BODS 0.4 statements into source records,
                                    checked against the current sources (all or nothing: problems on stderr,
                                    exit 1); writes the canonical records to FILE or stdout; --source-url cites
                                    records that carry no https URL of their own
options:
  --data DIR                        dataset source directory (default: ${path.relative(process.cwd(), SOURCES_DIR) || SOURCES_DIR})`;

export async function run(argv: string[]): Promise<number> {
  const args = [...argv];
  const dataDir = takeOption(args, '--data') ?? SOURCES_DIR;
  const [command, ...rest] = args;
  const engine = () => new Engine(compileDataset(dataDir));
  try {
    switch (command) {
      case 'annotate':
        if (rest.includes('--jsonl'))
          return await annotateJsonl(engine(), process.stdin, process.stdout, process.stderr);
        if (rest.length !== 1) return usage('annotate needs one FILE (or --jsonl)');
        if (!fs.existsSync(rest[0]!)) return usage(`no such file: ${rest[0]}`);
        return await annotateFile(engine(), rest[0]!, process.stdout);
      case 'entities':
        if (!rest.includes('--jsonl')) return usage('entities needs --jsonl');
        return entitiesJsonl(engine().dataset, process.stdout);
      case 'dataset':
        return datasetCommand(rest, dataDir, process.stdout);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        return usage(`unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof DataError) {
      process.stderr.write(`stakes: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function usage(problem: string): number {
  process.stderr.write(`stakes: ${problem}\n${USAGE}\n`);
  return 2;
}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

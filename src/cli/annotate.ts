/** `stakes annotate`: mentions in a file, or in JSON lines on stdin. */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';

import type { Engine } from '../background/engine.ts';
import type { FoundMention } from '../shared/messages.ts';

/** One JSON line of output per input line, in order; a bad line gets an "error" and no mentions. */
export async function annotateJsonl(engine: Engine, input: Readable, out: Writable, err: Writable): Promise<number> {
  const wikidata = new Map(engine.dataset.entities.map(e => [e.id, e.ids?.wikidata ?? null]));
  let failures = 0;
  let lineNo = 0;
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let doc: { id?: unknown; text?: unknown };
    try {
      doc = JSON.parse(line) as typeof doc;
    } catch (error) {
      failures++;
      err.write(`stakes: line ${lineNo}: not valid JSON (${(error as Error).message})\n`);
      out.write(JSON.stringify({ id: null, mentions: [], error: 'invalid JSON' }) + '\n');
      continue;
    }
    if (typeof doc !== 'object' || doc === null || typeof doc.text !== 'string') {
      failures++;
      err.write(`stakes: line ${lineNo}: expected {"id", "text": string}\n`);
      out.write(JSON.stringify({ id: doc?.id ?? null, mentions: [], error: 'missing text' }) + '\n');
      continue;
    }
    const text = doc.text;
    const mentions = engine.match(text).map(m => ({
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      entity: { id: m.entityId, name: m.name, kind: m.kind, wikidata: wikidata.get(m.entityId) ?? null },
    }));
    if (!out.write(JSON.stringify({ id: doc.id ?? null, mentions }) + '\n')) {
      await new Promise(resolve => out.once('drain', resolve));
    }
  }
  return failures ? 1 : 0;
}

/** Human-readable mentions and entities of an HTML or text file. */
export async function annotateFile(engine: Engine, file: string, out: Writable): Promise<number> {
  const raw = fs.readFileSync(file, 'utf8');
  const isHtml = /\.x?html?$/i.test(file) || /^\s*<(!doctype|html)/i.test(raw);
  const text = isHtml ? await articleText(raw) : raw;
  const mentions = engine.match(text);
  out.write(
    `${file}: ${mentions.length} mention${mentions.length === 1 ? '' : 's'} of ${new Set(mentions.map(m => m.entityId)).size} entities\n\n`,
  );
  for (const m of mentions) {
    out.write(
      `${String(m.start).padStart(7)}  ${JSON.stringify(text.slice(m.start, m.end)).padEnd(36)} ${m.entityId.padEnd(44)} ${m.why}\n`,
    );
  }
  out.write('\nentities:\n');
  for (const [id, list] of groupBy(mentions)) {
    out.write(`  ${id.padEnd(44)} ${list[0]!.name} (${list[0]!.kind}), ${list.length}×\n`);
  }
  return 0;
}

/** The article text exactly as the content script would send it. */
async function articleText(html: string): Promise<string> {
  const { parseHtml } = await import('./html.ts');
  const { findArticleText } = await import('../page/article.ts');
  const { buildTextMap } = await import('../page/text-map.ts');
  const dom = parseHtml(html);
  return buildTextMap(findArticleText(dom.window.document)).text;
}

function groupBy(mentions: FoundMention[]): Map<string, FoundMention[]> {
  const map = new Map<string, FoundMention[]>();
  for (const m of mentions) map.set(m.entityId, [...(map.get(m.entityId) ?? []), m]);
  return map;
}

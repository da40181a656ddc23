import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { Engine } from '../../src/background/engine.ts';
import { annotateJsonl } from '../../src/cli/annotate.ts';
import { DATASET } from '../fixtures/dataset.ts';

async function jsonl(lines: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  out.on('data', c => chunks.push(String(c)));
  const code = await annotateJsonl(new Engine(DATASET), Readable.from(lines.map(l => l + '\n')), out, err);
  return {
    code,
    lines: chunks
      .join('')
      .trim()
      .split('\n')
      .map(l => JSON.parse(l)),
    stderr: String(err.read() ?? ''),
  };
}

describe('stakes annotate --jsonl', () => {
  it('writes every mention with UTF-16 offsets and the entity', async () => {
    const text = '🙂 TikTok’s owner ByteDance; TikTok again.';
    const { code, lines } = await jsonl([JSON.stringify({ id: 'doc-1', text })]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0].id).toBe('doc-1');
    expect(lines[0].mentions).toHaveLength(3);
    for (const m of lines[0].mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(lines[0].mentions[0]).toEqual({
      start: 3,
      end: 9,
      text: 'TikTok',
      entity: { id: 'company:tiktok', name: 'TikTok', kind: 'company', wikidata: null },
    });
  });

  it('keeps one output line per input line, reporting bad ones, and exits 1', async () => {
    const { code, lines, stderr } = await jsonl(['{"id":1,"text":"TikTok"}', '{bad', '{"id":3}', '{"id":4,"text":""}']);
    expect(code).toBe(1);
    expect(lines.map(l => l.id)).toEqual([1, null, 3, 4]);
    expect(lines[1].error).toBe('invalid JSON');
    expect(lines[2].error).toBe('missing text');
    expect(stderr).toMatch(/line 2: not valid JSON/);
  });
});

describe('the stakes command', () => {
  const bin = path.resolve(import.meta.dirname, '../../bin/stakes.mjs');

  it('lists entities as JSON lines from the bundled dataset', () => {
    const out = execFileSync(process.execPath, [bin, 'entities', '--jsonl'], { encoding: 'utf8' });
    const entities = out
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    const amazon = entities.find(e => e.id === 'company:amazon');
    expect(amazon).toMatchObject({ name: 'Amazon', kind: 'company', wikidata: 'Q3884' });
    expect(amazon.aliases).toContain('Amazon.com');
  });

  it('refuses a missing file with usage and exit code 2', () => {
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, 'annotate', 'no-such-file.html'], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});

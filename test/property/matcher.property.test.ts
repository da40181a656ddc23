/**
 * Property-based tests (fast-check) of the matcher: whatever the text, mentions come in order, never
 * overlap, their offsets slice to their text, and they start and end on word boundaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Engine } from '../../src/background/engine.ts';
import { findMentions } from '../../src/match/matcher.ts';
import { DATASET } from '../fixtures/dataset.ts';

const engine = new Engine(DATASET);
const names = DATASET.entities.flatMap(e => e.names.map(n => n.text));
const words = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(...names).map(n => n.toUpperCase()),
  fc.constantFrom(...names).map(n => n.toLowerCase()),
  fc.constantFrom(
    'the',
    'said',
    'owns',
    'e-commerce',
    'trading firm',
    'President',
    'Mr.',
    'Inc.',
    'Amazonian',
    'TikTokers',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
);
const gaps = fc.constantFrom(' ', ' ', ', ', '. ', '\n', '\u2029', '-', '’s ', ' (', ') ', '\u00AD', '');
const text = fc.array(fc.tuple(words, gaps), { maxLength: 30 }).map(parts => parts.map(([w, g]) => w + g).join(''));
/** A character that continues a word (CJK characters are words of their own). */
const word = (c: string | undefined) =>
  c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c);

describe('findMentions (property)', () => {
  it('mentions are ordered, non-overlapping, inside the text, slice to their text, on word boundaries', () => {
    fc.assert(
      fc.property(text, t => {
        const mentions = findMentions(engine.index, t);
        let last = 0;
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(m.start, m.end)).toBe(m.text);
          expect(DATASET.entities.some(e => e.id === m.entityId)).toBe(true);
          // Never part of a longer word.
          expect(word(t[m.start - 1]) && word(t[m.start]), `starts inside a word: ${JSON.stringify(t)}`).toBe(false);
          expect(word(t[m.end]) && word(t[m.end - 1]), `ends inside a word: ${JSON.stringify(t)}`).toBe(false);
          last = m.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never matches across a paragraph break', () => {
    fc.assert(
      fc.property(text, t => {
        for (const m of findMentions(engine.index, t)) expect(m.text).not.toContain('\u2029');
      }),
      { numRuns: 300 },
    );
  });

  it('the engine reports the same spans as the matcher', () => {
    fc.assert(
      fc.property(text, t => {
        expect(engine.match(t).map(m => [m.start, m.end, m.entityId])).toEqual(
          findMentions(engine.index, t).map(m => [m.start, m.end, m.entityId]),
        );
      }),
      { numRuns: 200 },
    );
  });
});

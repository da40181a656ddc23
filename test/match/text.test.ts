import { describe, expect, it } from 'vitest';

import { canonicalGap, fold, HARD_BREAK, tokenize } from '../../src/match/text.ts';

describe('tokenize', () => {
  it('splits on punctuation and keeps UTF-16 offsets of the original text', () => {
    const text = '😀 Amazon’s Amazon-TikTok';
    const tokens = tokenize(text);
    expect(tokens.map(t => t.raw)).toEqual(['Amazon', 's', 'Amazon', 'TikTok']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
    expect(tokens[0]!.start).toBe(3); // the emoji is two code units, plus a space
  });

  it('reads through soft hyphens and zero-width characters inside a word', () => {
    const [token] = tokenize('Byte\u00ADDance\u200B');
    expect(token!.norm).toBe('bytedance');
    expect(token!.raw).toBe('ByteDance');
  });

  it('makes each Han character a token, so names inside unspaced text are found', () => {
    expect(tokenize('字节跳动公司').map(t => t.raw)).toEqual(['字', '节', '跳', '动', '公', '司']);
  });

  it('treats a run of invisible characters alone as no word', () => {
    expect(tokenize('\u200B\u200B')).toEqual([]);
  });
});

describe('fold', () => {
  it('lowercases and folds Latin diacritics and compatibility forms', () => {
    expect(fold('Nestlé')).toBe('nestle');
    expect(fold('ＡＢＣ')).toBe('abc');
    expect(fold('Straße')).toBe('strasse');
  });

  it('leaves other scripts alone', () => {
    expect(fold('Путин')).toBe('путин');
    expect(fold('字节')).toBe('字节');
  });
});

describe('canonicalGap', () => {
  it('treats every kind of space, and hyphens, alike', () => {
    expect(canonicalGap('\u00A0', 'jeff')).toBe(' ');
    expect(canonicalGap('\n', 'jeff')).toBe(' ');
    expect(canonicalGap('-', 'coca')).toBe(' ');
    expect(canonicalGap('\u2013', 'coca')).toBe(' ');
  });

  it('drops the period after an initial but not after a word', () => {
    expect(canonicalGap('. ', 'j')).toBe(' ');
    expect(canonicalGap('. ', 'jeff')).toBe('. ');
  });

  it('makes paragraph breaks hard', () => {
    expect(canonicalGap('\u2029', 'a')).toBe(HARD_BREAK);
    expect(canonicalGap('\n\n', 'a')).toBe(HARD_BREAK);
  });
});

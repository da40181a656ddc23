import { describe, expect, it } from 'vitest';

import { buildNameIndex } from '../../src/data/dataset.ts';
import { deriveSurname } from '../../src/match/name-index.ts';
import { findMentions } from '../../src/match/matcher.ts';
import { DATASET } from '../fixtures/dataset.ts';

const index = buildNameIndex(DATASET);
const found = (text: string) => findMentions(index, text).map(m => [m.text, m.entityId]);
const ids = (text: string) => findMentions(index, text).map(m => m.entityId);

describe('findMentions on what the seed story throws at it', () => {
  it('matches possessives with curly and straight apostrophes, without the ’s', () => {
    expect(found("TikTok’s users and ByteDance's owners")).toEqual([
      ['TikTok', 'company:tiktok'],
      ['ByteDance', 'company:bytedance'],
    ]);
  });

  it('matches both names of a hyphenated pair', () => {
    expect(found('The Amazon-TikTok deal, an e-commerce tie-up')).toEqual([
      ['Amazon', 'company:amazon'],
      ['TikTok', 'company:tiktok'],
    ]);
  });

  it('matches a surname only after the full name has appeared', () => {
    const text = 'Trump spoke. Later, President-elect Donald Trump said Trump’s plan was set.';
    const mentions = findMentions(index, text);
    expect(mentions.map(m => [m.text, m.rule])).toEqual([
      ['Donald Trump', 'name'],
      ['Trump', 'surname'],
    ]);
    expect(text.slice(mentions[1]!.start, mentions[1]!.end)).toBe('Trump');
  });

  it('matches the surname after an alias of the full name, and Yass’s possessive', () => {
    expect(found('Jeffrey Yass founded a firm. Yass’s stake is 7%.')).toEqual([
      ['Jeffrey Yass', 'person:jeff-yass'],
      ['Yass', 'person:jeff-yass'],
    ]);
  });

  it('matches titles by their name and alternative names', () => {
    expect(found('President-elect Donald Trump met the House China Committee.')).toEqual([
      ['Donald Trump', 'person:donald-trump'],
      ['House China Committee', 'body:china-committee'],
    ]);
  });

  it('never matches inside longer words', () => {
    expect(ids('Amazonian TikTokers at ByteDancers, on e-commerce')).toEqual([]);
  });

  it('lets the longest, most specific name win', () => {
    expect(
      found('The House Select Committee on the Chinese Communist Party met in the House of Representatives.'),
    ).toEqual([
      ['House Select Committee on the Chinese Communist Party', 'body:china-committee'],
      ['House of Representatives', 'body:house'],
    ]);
  });
});

describe('evidence rules', () => {
  it('does not match a context name without evidence (the river)', () => {
    expect(ids('The Amazon flows through Brazil into the Atlantic.')).toEqual([]);
  });

  it('matches a context name when a cue is on the page', () => {
    expect(ids('The Amazon shopping app is an online retailer.')).toEqual(['company:amazon']);
  });

  it('matches a context name when an unconditional name of the entity is on the page', () => {
    expect(ids('Amazon.com, Inc. reported results. Amazon said more.')).toEqual(['company:amazon', 'company:amazon']);
  });

  it('matches a context name when a connected entity is named unconditionally', () => {
    // SIG is connected to ByteDance by an ownership claim.
    expect(found('Susquehanna holds a stake in ByteDance.')).toEqual([
      ['Susquehanna', 'company:sig'],
      ['ByteDance', 'company:bytedance'],
    ]);
    expect(ids('Susquehanna County fair opens.')).toEqual([]);
  });

  it('requires exact case for abbreviations', () => {
    expect(ids('The trading firm SIG grew.')).toEqual(['company:sig']);
    expect(ids('The trading firm Sig grew.')).toEqual([]);
  });

  it('requires capitals where the name has them', () => {
    expect(ids('He played his trump card after Donald Trump spoke')).toEqual(['person:donald-trump']);
    expect(ids('tiktok and bytedance')).toEqual([]);
    expect(ids('TIKTOK AND BYTEDANCE')).toEqual(['company:tiktok', 'company:bytedance']);
  });

  it('skips a surname shared by two people named on the page', () => {
    const text = 'George W. Bush and George H. W. Bush met. Bush spoke.';
    expect(findMentions(index, text).map(m => m.rule)).toEqual(['name', 'name']);
  });

  it('never matches first names alone', () => {
    expect(ids('Jeff Yass met Donald. Jeff left.')).toEqual(['person:jeff-yass']);
  });

  it('does not derive a surname from a generational suffix', () => {
    expect(deriveSurname('Donald Trump Jr.')).toBe('Trump');
    expect(deriveSurname('Madonna')).toBeUndefined();
  });
});

describe('text as pages have it', () => {
  it('matches across non-breaking spaces, line breaks and soft hyphens', () => {
    expect(ids('Jeff\u00A0Yass and Byte\u00ADDance and Jeff\nYass')).toEqual([
      'person:jeff-yass',
      'company:bytedance',
      'person:jeff-yass',
    ]);
  });

  it('does not match across a paragraph break', () => {
    expect(ids('Jeff\u2029Yass')).toEqual([]);
  });

  it('folds diacritics both ways', () => {
    expect(ids('Nestle and Nestlé')).toEqual(['company:nestle', 'company:nestle']);
  });

  it('treats hyphen and space alike inside a name', () => {
    expect(ids('Coca Cola and Coca-Cola')).toEqual(['company:coca-cola', 'company:coca-cola']);
  });

  it('finds a Chinese name inside unspaced text', () => {
    const text = '据报道字节跳动公司';
    const [m] = findMentions(index, text);
    expect(m?.entityId).toBe('company:bytedance');
    expect(text.slice(m!.start, m!.end)).toBe('字节跳动');
  });

  it('reports every mention, not just the first per entity', () => {
    expect(ids('TikTok, TikTok, TikTok')).toHaveLength(3);
  });
});

describe('a conditional name at the start of a sentence', () => {
  const filler = 'The weather stayed mild and the river rose a little. '.repeat(8);

  it('counts when the page names the same entity mid-sentence with evidence', () => {
    const text = `Shoppers can now buy from Amazon, the online retailer. ${filler}Amazon declined to comment.`;
    expect(ids(text)).toEqual(['company:amazon', 'company:amazon']);
  });

  it('does not count on its own, with the only cue far away', () => {
    const text = `Shoppers liked the online retailer. ${filler}Amazon declined to comment.`;
    expect(ids(text)).toEqual([]);
  });
});

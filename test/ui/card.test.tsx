// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';

import { CardBuilder, formatShare } from '../../src/background/cards.ts';
import type { CardData } from '../../src/shared/card.ts';
import { Card } from '../../src/ui/Card.tsx';
import { DATASET } from '../fixtures/dataset.ts';

const cards = new CardBuilder(DATASET);
const today = new Date('2026-11-26T00:00:00Z');

function show(card: CardData) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<Card card={card} today={today} why="matched “ByteDance” (name)" />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Card', () => {
  it('shows owners with share, as-of date and a source link', () => {
    const root = show(cards.build('company:bytedance')!);
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    const text = dialog.textContent!;
    expect(text).toContain('Owned by');
    expect(text).toMatch(/Susquehanna International Group\s*about 15%/);
    expect(text).toMatch(/Jeff Yass\s*about 7%/);
    expect(text).toContain('as of 2024');
    expect(text).not.toContain('over two years old');
    expect(dialog.querySelector('a')!.getAttribute('href')).toBe('https://example.org/source');
    expect(dialog.querySelector('a')!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows what a person owns and their roles', () => {
    const text = show(cards.build('person:jeff-yass')!).textContent!;
    expect(text).toMatch(/Owns\s*ByteDance\s*about 7%/);
    expect(text).toMatch(/Co-founder — Susquehanna International Group/);
    expect(text).toContain('since 1987');
  });

  it('shows policy context with its latest status first', () => {
    const text = show(cards.build('company:tiktok')!).textContent!;
    expect(text).toContain('Protecting Americans from Foreign Adversary Controlled Applications Act');
    // A timeline, newest first, each step with its date and source.
    expect(text).toMatch(/17 Jan 2025 upheld by the Supreme Court.*24 Apr 2024 signed into law/);
    const steps = [...show(cards.build('company:tiktok')!).querySelectorAll('ol.timeline li')];
    expect(steps.map(li => li.querySelector('time')!.getAttribute('datetime'))).toEqual(['2025-01-17', '2024-04-24']);
    expect(steps.every(li => li.querySelector('a[href^="https://"]'))).toBe(true);
    expect(text).toContain('publicLaw 118-50');
  });

  it('renders data as text and links only http(s) URLs', () => {
    const card = cards.build('company:tiktok')!;
    card.entity.description = '<img src=x onerror=alert(1)>';
    card.policy[0]!.sources = [{ url: 'javascript:alert(1)', asOf: '2024' }];
    const root = show(card);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:/);
  });

  it('flags facts more than two years old', () => {
    const card = cards.build('company:bytedance')!;
    card.ownedBy[0]!.asOf = '2024-11-25';
    expect(show(card).textContent).toMatch(/as of 25 Nov 2024 · over two years old/);
  });

  it('says so when nothing is recorded', () => {
    expect(show(cards.build('company:nestle')!).textContent).toContain('No ownership, roles or policy items recorded');
  });
});

describe('formatShare', () => {
  it('writes approximate, exact and ranged shares', () => {
    expect(formatShare({ exact: 15, approx: true })).toBe('about 15%');
    expect(formatShare({ exact: 7.25 })).toBe('7.3%');
    expect(formatShare({ min: 25, max: 50 })).toBe('25–50%');
    expect(formatShare({ min: 75 })).toBe('at least 75%');
    expect(formatShare({ max: 10 })).toBe('up to 10%');
  });
});

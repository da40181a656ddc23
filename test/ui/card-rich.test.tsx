// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { CardBuilder } from '../../src/background/cards.ts';
import type { CardData } from '../../src/shared/card.ts';
import { Card } from '../../src/ui/Card.tsx';
import { citation } from '../../src/ui/citation.ts';
import { GRAPH_DATASET } from './graph-dataset.ts';

const cards = new CardBuilder(GRAPH_DATASET);
const today = new Date('2026-11-26T00:00:00Z');

function show(card: CardData, props: Partial<Parameters<typeof Card>[0]> = {}) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<Card card={card} today={today} why="matched “TikTok” (name)" {...props} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the richer card', () => {
  it('draws owners as stake bars with the undisclosed rest as unknown, never a fake 100%', () => {
    const root = show(cards.build('company:bytedance')!);
    const summary = root.querySelector('.bar.stacked')!;
    expect(summary.getAttribute('role')).toBe('img');
    expect(summary.getAttribute('aria-label')).toMatch(
      /Susquehanna International Group about 15%.*Jeff Yass about 7%.*the rest \(78%\) is not disclosed/,
    );
    const unknown = summary.querySelector<HTMLElement>('.unknown')!;
    expect(unknown.style.width).toBe('78%');
    expect(root.textContent).toContain('not disclosed: 78%');
  });

  it('shades ranges in a stake bar', () => {
    const root = show(cards.build('outlet:daily')!);
    const bar = root.querySelector('li .bar:not(.stacked)')!;
    expect(bar.querySelector<HTMLElement>('.fill')!.style.width).toBe('25%');
    expect(bar.querySelector<HTMLElement>('.range')!.style.width).toBe('25%');
    expect(bar.querySelector<HTMLElement>('.unknown')!.style.width).toBe('50%');
  });

  it('shows the chain to the ultimate owners with the effective stake and each hop\u2019s source', () => {
    const root = show(cards.buildFor('company:tiktok', ['company:tiktok', 'company:sig'])!);
    const text = root.textContent!;
    expect(text).toContain('Ultimate owners');
    expect(text).toMatch(/TikTok ← ByteDance \(subsidiary\) ← Susquehanna International Group \(about 15%\)/);
    expect(text).toContain('effective stake about 15%');
    expect(root.querySelectorAll('li.chain ol.hops li a[href^="https://"]').length).toBeGreaterThan(1);
  });

  it('lists how it connects to the other entities on the page', () => {
    const text = show(cards.buildFor('company:tiktok', ['company:tiktok', 'company:sig'])!).textContent!;
    expect(text).toContain('On this page');
    expect(text).toMatch(
      /Susquehanna International Group — ultimately owned by Susquehanna International Group \(about 15%\)/,
    );
  });

  it('copies the card as a citation with every source and as-of date', async () => {
    const copy = vi.fn(() => Promise.resolve());
    const card = cards.buildFor('company:bytedance')!;
    const root = show(card, { copy });
    const button = [...root.querySelectorAll('button')].find(b => b.textContent === 'Copy as citation')!;
    await act(async () => button.click());
    const text = (copy.mock.calls[0] as unknown as [string])[0];
    expect(text).toContain('## ByteDance');
    expect(text).toMatch(
      /- Susquehanna International Group: about 15%, as of 2024 — \[example\.org, 2024\]\(https:\/\/example\.org\/source\)/,
    );
    expect(text).toContain('Stakes dataset 2026.11.26');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Copied the citation to the clipboard.');
  });

  it('shows the citation for manual copying when the clipboard is refused', async () => {
    const root = show(cards.build('company:bytedance')!, { copy: () => Promise.reject(new Error('denied')) });
    await act(async () =>
      [...root.querySelectorAll('button')].find(b => b.textContent === 'Copy as citation')!.click(),
    );
    expect(root.querySelector('textarea')!.value).toContain('## ByteDance');
  });

  it('offers "Not this entity" when the page can hide it', () => {
    const onHide = vi.fn();
    const root = show(cards.build('company:bytedance')!, { onHide });
    [...root.querySelectorAll('button')].find(b => b.textContent === 'Not this entity')!.click();
    expect(onHide).toHaveBeenCalledOnce();
  });

  it('writes plain text citations too', () => {
    const text = citation(cards.buildFor('company:tiktok')!, 'text', today);
    expect(text).toMatch(/^TikTok\n/);
    expect(text).toContain('<https://example.org/');
    expect(text).not.toContain('](');
  });
});

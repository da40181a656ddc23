// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { CardBuilder } from '../../src/background/cards.ts';
import { pageLinks } from '../../src/background/page-links.ts';
import type { PageInfo } from '../../src/shared/messages.ts';
import { defaultSettings } from '../../src/shared/settings.ts';
import { Options } from '../../src/ui/Options.tsx';
import { OutletBadge } from '../../src/ui/OutletBadge.tsx';
import { Overview } from '../../src/ui/Overview.tsx';
import { Popup } from '../../src/ui/Popup.tsx';
import { GRAPH_DATASET } from './graph-dataset.ts';

const cards = new CardBuilder(GRAPH_DATASET);
const today = new Date('2026-11-26T00:00:00Z');
const status = { entities: 9, names: 14, version: '2026.11.26', updated: '2026-11-26' };
const ids = ['company:tiktok', 'company:bytedance', 'company:sig', 'person:jeff-yass'];
const page: PageInfo = {
  tabId: 3,
  url: 'https://www.daily.example/story',
  host: 'www.daily.example',
  active: true,
  entities: ids.map(id => ({ ...cards.ref(id), mentions: 2 })),
  outlet: cards.outletFor('www.daily.example', ids),
  links: pageLinks(cards, ids),
};

function mount(node: preact.VNode) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(node, root);
  return root;
}
const button = (root: Element, text: string) =>
  [...root.querySelectorAll('button')].find(b => b.textContent?.trim() === text)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Popup', () => {
  it('lists this page\u2019s entities, the site\u2019s owner and the dataset', () => {
    const root = mount(
      <Popup status={status} page={page} host={page.host} settings={defaultSettings()} today={today} />,
    );
    const text = root.textContent!;
    expect(text).toContain('4 entities underlined');
    expect(text).toContain('ByteDance');
    expect(text).toContain('Who owns this site');
    expect(text).toMatch(/The Daily Test is owned by:\s*Jeff Yass 25–50%/);
    expect(text).toContain('Connected to the story');
    expect(text).toContain('Dataset 2026.11.26, updated 26 Nov 2026: 9 entities, 14 names');
  });

  it('turns the site off, pauses everywhere, opens options and jumps to a mention', () => {
    const onSite = vi.fn();
    const onPause = vi.fn();
    const onOptions = vi.fn();
    const onJump = vi.fn();
    const root = mount(
      <Popup
        status={status}
        page={page}
        host={page.host}
        settings={defaultSettings()}
        onSite={onSite}
        onPause={onPause}
        onOptions={onOptions}
        onJump={onJump}
      />,
    );
    const [site, pause] = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(site!.checked).toBe(true);
    expect(site!.parentElement!.textContent).toContain('On for daily.example');
    site!.click();
    expect(onSite).toHaveBeenCalledWith(false);
    pause!.click();
    expect(onPause).toHaveBeenCalledWith(true);
    button(root, 'Options').click();
    expect(onOptions).toHaveBeenCalled();
    root.querySelector<HTMLButtonElement>('button[aria-label="Jump to ByteDance"]')!.click();
    expect(onJump).toHaveBeenCalledWith('company:bytedance');
  });

  it('says when Stakes has not read the page (not a web page, or a site not allowed), and when the site is off', () => {
    expect(mount(<Popup status={null} page={null} host="" settings={defaultSettings()} />).textContent).toContain(
      'Stakes has not read this page. It reads web pages on the default news sites',
    );
    const off = { ...defaultSettings(), disabledSites: ['daily.example'] };
    const root = mount(<Popup status={status} page={{ ...page, active: false }} host={page.host} settings={off} />);
    expect(root.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(false);
    expect(root.textContent).toContain('Nothing underlined on this page.');
  });
});

describe('Options', () => {
  it('changes each setting through onChange', () => {
    const onChange = vi.fn();
    const root = mount(<Options settings={defaultSettings()} status={status} onChange={onChange} />);
    const label = (text: string) =>
      [...root.querySelectorAll('label')].find(l => l.textContent?.includes(text))!.querySelector('input')!;
    label('Only these news sites').click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ where: 'listed' }));
    label('People').click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ underlinePeople: false }));
    label('Only entities with recorded owners').click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ onlyWithStakes: true }));
    label('First mention of each only').click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ firstMentionOnly: true }));
    label('Hover, after a delay').click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ openOn: 'hover' }));
    label('Dotted line').click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ underlineStyle: 'dotted' }));
    expect(root.textContent).toContain('Dataset 2026.11.26');
  });

  it('exports and clears corrections, resets, and names every field', () => {
    const onExport = vi.fn();
    const onClear = vi.fn();
    const onReset = vi.fn();
    const s = { ...defaultSettings(), hidden: { 'https://a.example/': ['company:sig'] }, disabledSites: ['b.example'] };
    const root = mount(
      <Options settings={s} status={null} onExport={onExport} onClearCorrections={onClear} onReset={onReset} />,
    );
    expect(root.textContent).toContain('1 entities hidden');
    button(root, 'Export corrections').click();
    button(root, 'Clear corrections').click();
    button(root, 'Reset all settings').click();
    expect([onExport, onClear, onReset].every(f => f.mock.calls.length === 1)).toBe(true);
    expect(root.textContent).toContain('Turn on b.example');
    for (const input of root.querySelectorAll('input, textarea')) {
      expect(input.closest('label') ?? input.getAttribute('aria-label'), input.outerHTML).toBeTruthy();
    }
  });
});

describe('Overview', () => {
  it('groups entities by kind, draws their links and jumps on click', () => {
    const onJump = vi.fn();
    const root = mount(<Overview page={page} onJump={onJump} />);
    const headings = [...root.querySelectorAll('h2')].map(h => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(['Companies', 'People', 'Connections', 'Who owns this site']));
    expect(root.querySelectorAll('svg.graph line').length).toBe(page.links.length);
    expect(page.links.length).toBeGreaterThan(2);
    expect(root.textContent).toMatch(/TikTok — subsidiary of ByteDance/);
    root.querySelector<HTMLButtonElement>('button[aria-label="Jump to Jeff Yass"]')!.click();
    expect(onJump).toHaveBeenCalledWith('person:jeff-yass');
  });

  it('says what to do on an empty page', () => {
    expect(mount(<Overview page={null} />).textContent).toContain('Open a news article');
  });
});

describe('OutletBadge', () => {
  it('names the site\u2019s owner, notes connections to the story and can be dismissed', () => {
    const onDismiss = vi.fn();
    const root = mount(<OutletBadge outlet={page.outlet!} onDismiss={onDismiss} />);
    expect(root.querySelector('aside')!.getAttribute('aria-label')).toBe('Who owns this site');
    expect(root.textContent).toMatch(/The Daily Test ← Jeff Yass \(25–50%\)/);
    expect(root.textContent).toContain('Connected to the story');
    root.querySelector<HTMLButtonElement>('button[aria-label="Dismiss"]')!.click();
    expect(onDismiss).toHaveBeenCalled();
  });
});

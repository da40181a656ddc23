/**
 * Hosts the card on the page: one <stakes-card> element with an open shadow
 * root (the page's CSS cannot reach in), positioned beside the name. It owns
 * opening, closing and focus; the Card component only renders.
 */
import { h, render } from 'preact';

import type { CardData } from '../shared/card.ts';
import { Card } from '../ui/Card.tsx';
import cardCss from '../ui/card.css';
import { placeCard } from './layout.ts';

export const HOST_TAG = 'stakes-card';

export class CardHost {
  private host: HTMLElement | undefined;
  private mount: HTMLElement | undefined;
  private anchor: HTMLElement | undefined;
  private readonly controller = new AbortController();

  constructor(private readonly doc: Document) {
    const signal = this.controller.signal;
    // Close on a click elsewhere (capture: before the page's own handlers can stop it).
    doc.addEventListener(
      'pointerdown',
      event => {
        if (!this.host || event.composedPath().some(n => n === this.host || n === this.anchor)) return;
        // Focus goes back to the name, unless the click put it somewhere else (a link, a field).
        const anchor = this.anchor;
        const hadFocus = doc.activeElement === this.host;
        this.close(false);
        if (hadFocus) {
          setTimeout(() => {
            const active = doc.activeElement;
            if (anchor?.isConnected && (!active || active === doc.body)) anchor.focus({ preventScroll: true });
          }, 0);
        }
      },
      { capture: true, signal },
    );
    doc.addEventListener(
      'keydown',
      event => {
        if (event.key === 'Escape' && this.host) {
          event.stopPropagation();
          this.close(true);
        }
      },
      { capture: true, signal },
    );
  }

  get openFor(): HTMLElement | undefined {
    return this.anchor;
  }

  open(anchor: HTMLElement, card: CardData, why: string, actions: { onHide?: () => void } = {}): void {
    this.close(false);
    this.anchor = anchor;
    const host = this.doc.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    // textContent before the style joins the tree: Firefox applies page CSP otherwise.
    const style = this.doc.createElement('style');
    // The last rule: the card is never taller than the room beside its name (see placeCard).
    style.textContent = `${cardCss}\n.card { max-height: var(--stakes-max-height, min(520px, calc(100vh - 16px))) !important; }`;
    shadow.appendChild(style);
    const mount = this.doc.createElement('div');
    shadow.appendChild(mount);
    this.doc.documentElement.appendChild(host);
    render(h(Card, { card, why, onClose: () => this.close(true), ...actions }), mount);
    this.host = host;
    this.mount = mount;
    this.position();
    anchor.setAttribute('aria-expanded', 'true');
    const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]');
    dialog?.focus({ preventScroll: true });
  }

  /** Places the card beside its name; call again when the layout changes. */
  position(): void {
    if (!this.host || !this.anchor) return;
    const view = this.doc.defaultView!;
    const a = this.anchor.getBoundingClientRect();
    this.host.style.removeProperty('--stakes-max-height'); // measure the card at its natural height
    const c = this.host.getBoundingClientRect();
    const { top, left, maxHeight } = placeCard({
      anchor: { top: a.top, bottom: a.bottom, left: a.left, right: a.right },
      card: { width: c.width, height: c.height },
      viewport: { width: view.innerWidth, height: view.innerHeight },
      scroll: { x: view.scrollX, y: view.scrollY },
    });
    this.host.style.setProperty('--stakes-top', `${top}px`);
    this.host.style.setProperty('--stakes-left', `${left}px`);
    this.host.style.setProperty('--stakes-max-height', `${maxHeight}px`);
  }

  close(returnFocus: boolean): void {
    if (!this.host) return;
    if (this.mount) render(null, this.mount);
    this.host.remove();
    this.host = undefined;
    this.mount = undefined;
    const anchor = this.anchor;
    this.anchor = undefined;
    anchor?.removeAttribute('aria-expanded');
    if (returnFocus && anchor?.isConnected) anchor.focus({ preventScroll: true });
  }

  destroy(): void {
    this.close(false);
    this.controller.abort();
  }
}

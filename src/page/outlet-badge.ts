/**
 * Hosts the outlet badge: one <stakes-outlet> element with an open shadow
 * root in a corner of the page. Removed by hide().
 */
import { h, render } from 'preact';

import type { OutletView } from '../shared/card.ts';
import badgeCss from '../ui/badge.css';
import { OutletBadge as Badge } from '../ui/OutletBadge.tsx';

export const BADGE_TAG = 'stakes-outlet';

export class OutletBadgeHost {
  private host: HTMLElement | undefined;
  private mount: HTMLElement | undefined;

  constructor(
    private readonly doc: Document,
    private readonly onDismiss: () => void,
  ) {}

  show(outlet: OutletView): void {
    if (!this.host) {
      const host = this.doc.createElement(BADGE_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = badgeCss;
      shadow.appendChild(style);
      const mount = this.doc.createElement('div');
      shadow.appendChild(mount);
      this.doc.documentElement.appendChild(host);
      this.host = host;
      this.mount = mount;
    }
    render(
      h(Badge, {
        outlet,
        onDismiss: () => {
          this.hide();
          this.onDismiss();
        },
      }),
      this.mount!,
    );
  }

  hide(): void {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = undefined;
    this.mount = undefined;
  }
}

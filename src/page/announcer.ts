/**
 * A live region for screen readers ("Mention 2 of 9: ByteDance"): one
 * visually hidden <stakes-live> element with a role=status node in its shadow
 * root, added on first use and removed by destroy().
 */
import { t } from '../ui/i18n.ts';

export class Announcer {
  private host: HTMLElement | undefined;
  private region: HTMLElement | undefined;

  constructor(private readonly doc: Document) {}

  say(key: Parameters<typeof t>[0], ...subs: string[]): void {
    if (!this.region) {
      const host = this.doc.createElement('stakes-live');
      host.style.cssText =
        'all: initial !important; position: fixed !important; width: 1px !important; height: 1px !important; overflow: hidden !important; clip-path: inset(50%) !important; white-space: nowrap !important;';
      const shadow = host.attachShadow({ mode: 'open' });
      const region = this.doc.createElement('div');
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      shadow.appendChild(region);
      this.doc.documentElement.appendChild(host);
      this.host = host;
      this.region = region;
    }
    this.region.textContent = t(key, ...subs);
  }

  destroy(): void {
    this.host?.remove();
    this.host = undefined;
    this.region = undefined;
  }
}

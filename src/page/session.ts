/**
 * Content script: runs in every http(s) page, in the extension's isolated world.
 *
 *   findArticleText ──> buildTextMap ──text──> background (match) ──mentions──┐
 *                                                                            v
 *   click / Enter on a mark <── Highlighter.apply (wraps mentions in <stakes-mark>)
 *        └──> background (card) ──> CardHost (shadow root, Preact Card)
 *
 * Heavy data stays in the background; this script holds the page's text
 * and its marks only. Everything it adds is undone by `stop()`.
 */
import { ask } from '../shared/browser.ts';
import { findArticleText } from './article.ts';
import { CardHost } from './card-host.ts';
import { Highlighter, MARK_TAG } from './highlighter.ts';
import { buildTextMap } from './text-map.ts';

export async function start(doc: Document): Promise<{ stop(): void }> {
  const highlighter = new Highlighter();
  const cards = new CardHost(doc);
  const controller = new AbortController();
  const stop = () => {
    controller.abort();
    cards.destroy();
    highlighter.clear();
  };

  const map = buildTextMap(findArticleText(doc));
  if (map.text.trim() === '') return { stop };
  const { mentions } = await ask({ type: 'match', text: map.text });
  if (controller.signal.aborted) return { stop };
  highlighter.apply(map, mentions);

  const openFor = async (mark: HTMLElement) => {
    const mention = highlighter.mentionOf.get(mark);
    if (!mention) return;
    if (cards.openFor === mark) {
      cards.close(true);
      return;
    }
    const { card } = await ask({ type: 'card', id: mention.entityId });
    if (card && mark.isConnected) cards.open(mark, card, mention.why);
  };
  const markOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>(MARK_TAG) : null;

  doc.addEventListener(
    'click',
    event => {
      const mark = markOf(event.target);
      if (!mark || !highlighter.mentionOf.has(mark)) return;
      event.preventDefault(); // a name inside a link opens the card, not the link
      void openFor(mark);
    },
    { signal: controller.signal },
  );
  doc.addEventListener(
    'keydown',
    event => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const mark = markOf(event.target);
      if (!mark || !highlighter.mentionOf.has(mark)) return;
      event.preventDefault();
      void openFor(mark);
    },
    { signal: controller.signal },
  );
  doc.defaultView?.addEventListener('resize', () => cards.position(), { signal: controller.signal });
  return { stop };
}

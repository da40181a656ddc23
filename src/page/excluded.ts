/**
 * What Stakes never annotates, even inside the article: code, forms, navigation, asides, footers,
 * editable and hidden content, and its own UI. One check, used by Readability's path (article.ts)
 * and the scored walk (article-scan.ts).
 */

/** Elements whose text is never annotated, even inside the article. */
export const EXCLUDED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'FORM',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'NAV',
  'ASIDE',
  'FOOTER',
  'STAKES-MARK',
  'STAKES-CARD',
  'TITLE',
  'HEAD',
]);

/** Whether this element's text (and its descendants') is never annotated; `skip` is the set of tags. */
export function excludedElement(el: Element, skip: ReadonlySet<string> = EXCLUDED): boolean {
  if (skip.has(el.tagName.toUpperCase())) return true;
  if ((el as HTMLElement).isContentEditable) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable === '' || editable === 'true' || editable === 'plaintext-only') return true;
  return el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden');
}

/** Parsing HTML files in Node (jsdom) for the CLI and the evaluation. */
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * jsdom's CSS parser throws on a few real stylesheets; styles play no part in
 * finding the article's text, so such a page is read without them.
 */
export function parseHtml(html: string): JSDOM {
  const virtualConsole = new VirtualConsole(); // quiet: the page's CSS and script errors are not ours
  try {
    return new JSDOM(html, { virtualConsole });
  } catch {
    return new JSDOM(html.replace(/<style\b[\s\S]*?<\/style>/gi, ''), { virtualConsole });
  }
}

/**
 * When is an imported name safe to match anywhere ("always"), and when does it
 * need evidence on the page ("context") or should it only be shown ("never")?
 *
 * The rule, applied to a name's core (the name without "The", a legal suffix
 * such as "Inc." or "Corporation", or a possessive "'s"):
 *   - one token that is an everyday English word, a common first name or
 *     surname, or a place (listed in COMMON_WORDS below) → ambiguous;
 *   - one token of one or two characters ("HP", "3M", "F5") → ambiguous;
 *   - a short acronym that also means something else (ACRONYMS) → ambiguous;
 *   - two tokens that read as a person's name (a first name from FIRST_NAMES,
 *     then a surname: "Henry Schein", "Walt Disney") → ambiguous;
 *   - a phrase that is also a place or a common phrase (PHRASES) → ambiguous.
 * Everything else is distinctive. The lists are small on purpose: they hold
 * the words that occur in the imported corpora's names, chosen by what the
 * word means, never by a text we evaluate on.
 */
import { tokenize } from '../../match/text.ts';

/** Everyday English words, common first names and surnames, and places that occur as or in company, owner and outlet names. */
// prettier-ignore
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  // dictionary words
  'adobe', 'all', 'alphabet', 'amazon', 'app', 'apple', 'are', 'ball', 'beacon', 'block', 'booking', 'capital', 'carnival',
  'carrier', 'cat', 'caterpillar', 'chase', 'chevron', 'coherent', 'cognizant', 'coin', 'compass', 'cost', 'dash', 'delta', 'destiny',
  'doc', 'domino', 'dominion', 'echo', 'equity', 'exe', 'fast', 'fix', 'flex', 'fox', 'gap', 'gen', 'global', 'gray', 'has',
  'hood', 'hum', 'ice', 'intuit', 'key', 'live', 'low', 'match', 'meta', 'met', 'mosaic', 'news', 'now', 'oracle', 'pep',
  'paramount', 'pinnacle', 'principal', 'progressive', 'regal', 'republic', 'shell', 'snap', 'southern', 'sun', 'tap', 'tapestry',
  'target', 'tech', 'travelers', 'tribune', 'united', 'visa', 'waters', 'well', 'xylem',
  // market names that mostly mean an index or an exchange
  'dow', 'nasdaq', 's&p',
  // first names and surnames
  'casey', 'cooper', 'cox', 'cummins', 'disney', 'eaton', 'ford', 'goldman', 'hearst', 'hilton', 'kim', 'len', 'lin',
  'lowe', 'mar', 'mcdonald', 'mccormick', 'meredith', 'merck', 'moody', 'otis', 'rollins', 'scripps', 'sinclair',
  'stryker', 'tesla', 'wat', 'williams',
  // places
  'albemarle', 'beartooth', 'berkshire', 'bonneville', 'corning', 'dover', 'everest', 'hartford', 'hershey',
]);

/** Common first names: a two-token name starting with one reads as a person. */
// prettier-ignore
export const FIRST_NAMES: ReadonlySet<string> = new Set([
  'arthur', 'charles', 'david', 'eli', 'george', 'henry', 'jack', 'james', 'john', 'mary', 'michael', 'ralph', 'robert',
  'thomas', 'walt', 'william',
]);

/** Short acronyms (compared in capitals) that commonly mean something else: an encryption standard, an agency, a style guide. */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'AES',
  'APA',
  'CME',
  'CMS',
  'EQT',
  'ICE',
  'NWS',
  'PTC',
  'RTX',
  'TKO',
]);

/** Multi-word names that are also places or everyday phrases (streets, mountains, a state's nickname). */
export const PHRASES: ReadonlySet<string> = new Set([
  'crown castle',
  'iron mountain',
  'old dominion',
  'public service',
  'state street',
  'waste management',
]);

const LEGAL_SUFFIX =
  /,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.|Company|Companies|Co\.|plc|PLC|Ltd\.?|Limited|L\.?L\.?C\.?|N\.V\.|S\.A\.|& Co\.|& Company)$/;
const GROUP_SUFFIX = /\s+(?:Group|Holdings|Worldwide|Global)$/;

/** The name without a leading "The" and trailing legal suffixes ("The Coca-Cola Company" → "Coca-Cola"). */
export function stripLegal(name: string, alsoGroup = false): string {
  let core = name.trim();
  for (let guard = 0; guard < 4; guard++) {
    const before = core;
    core = core.replace(/^The\s+/, '').replace(LEGAL_SUFFIX, '');
    if (alsoGroup) core = core.replace(GROUP_SUFFIX, '');
    if (core === before) break;
  }
  return core;
}

/** True when the name has a legal suffix, which makes even a common word a distinctive name ("Apple Inc."). */
export function hasLegalSuffix(name: string): boolean {
  return LEGAL_SUFFIX.test(name.trim());
}

/** The rule above. */
export function isAmbiguous(name: string): boolean {
  const core = stripLegal(name).replace(/['’]s$/, '');
  const words = tokenize(core).map(t => t.norm);
  if (words.length === 0) return true;
  const compact = core.replace(/\s+/g, '');
  if (COMMON_WORDS.has(compact.toLowerCase())) return true; // "S&P"
  if (words.length === 1) {
    return COMMON_WORDS.has(words[0]!) || compact.length <= 2 || ACRONYMS.has(compact);
  }
  if (words.length === 2 && FIRST_NAMES.has(words[0]!)) return true;
  return PHRASES.has(words.join(' '));
}

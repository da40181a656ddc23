/**
 * UI strings through the browser's i18n (extension/_locales), falling back to
 * English when there is no extension context (unit tests) or no translation.
 * Components call `t('key')`; English lives here so tests need no browser.
 */
import { EN } from './strings.ts';

type Key = keyof typeof EN;

interface I18nLike {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage?(): string;
}

function i18n(): I18nLike | undefined {
  const g = globalThis as { browser?: { i18n?: I18nLike }; chrome?: { i18n?: I18nLike } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

export function t(key: Key, ...subs: string[]): string {
  let message = '';
  try {
    message = i18n()?.getMessage(key, subs) ?? '';
  } catch {
    message = '';
  }
  if (message) return message;
  return EN[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** The UI language ("en", "de"…), for number formatting. */
export function uiLanguage(): string {
  try {
    return i18n()?.getUILanguage?.() ?? 'en';
  } catch {
    return 'en';
  }
}

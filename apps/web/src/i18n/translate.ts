import { en, vi, type MessageKey, type Messages } from './messages.js';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';
export const LANG_STORAGE_KEY = 'cchc.lang';

const dictionaries: Record<Lang, Messages> = { vi, en };

export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown placeholder is left as written so it shows in review. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return format(dictionaries[lang][key], params);
}

export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

/** The error code as a message key, when the dictionary knows it. */
export function errorKey(code: string): MessageKey | null {
  const key = `error.${code}`;
  return Object.prototype.hasOwnProperty.call(vi, key) ? (key as MessageKey) : null;
}

/**
 * What the user reads for an API error: the translated code when known; otherwise the server's own
 * (English) message in English, or the generic text in Vietnamese.
 */
export function errorText(lang: Lang, code: string, serverMessage?: string): string {
  const key = errorKey(code);
  if (key) return translate(lang, key);
  if (lang === 'en' && serverMessage) return serverMessage;
  return translate(lang, 'error.UNKNOWN');
}

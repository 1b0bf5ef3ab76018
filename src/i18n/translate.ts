import type { MessageKey, MessageParams } from './messageKeys';
import type { Language } from './language';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `{name}` placeholders are replaced by params; an unknown placeholder stays visible. */
export function translator<K extends string = MessageKey>(
  catalogue: Record<K, string>,
): (key: K, params?: MessageParams) => string {
  return (key, params) => {
    const text = catalogue[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] !== undefined ? String(params[name]) : whole,
    );
  };
}

/** Locale tags for `Intl` formatting of dates and numbers. */
export const INTL_LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

import { messagesEn } from './messages.en';
import { messagesId } from './messages.id';
import type { MessageKey, MessageParams, Messages } from './messageKeys';
import type { Language } from './language';

const CATALOGUES: Record<Language, Messages> = { id: messagesId, en: messagesEn };

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `{name}` placeholders are replaced by params; an unknown placeholder stays visible. */
export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
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

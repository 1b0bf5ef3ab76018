import type { MessagesId } from './messages.id';

export type MessageKey = keyof MessagesId;
/** Every language must translate every key: a missing one is a type error. */
export type Messages = Record<MessageKey, string>;
export type MessageParams = Readonly<Record<string, string | number>>;

import type { EventOf } from '../events/domainEvent';
import type { UserAccount } from './types';

type UserEvent = EventOf<'user.created'> | EventOf<'user.changed'> | EventOf<'user.passphrase_set'>;

/** An account as every device knows it: who, which role, whether it may sign in. */
export function reduceUser(current: UserAccount | undefined, event: UserEvent): UserAccount | undefined {
  switch (event.type) {
    case 'user.created':
      if (current) return current;
      return {
        id: event.entityId,
        username: event.payload.username,
        displayName: event.payload.displayName,
        role: event.payload.role,
        active: true,
        createdAt: event.occurredAt,
        createdOn: event.deviceCode,
        passphraseSetAt: event.occurredAt,
      };
    case 'user.changed':
      if (!current) return undefined;
      return {
        ...current,
        ...(event.payload.displayName ? { displayName: event.payload.displayName } : {}),
        ...(event.payload.role ? { role: event.payload.role } : {}),
        ...(event.payload.active !== undefined ? { active: event.payload.active } : {}),
      };
    case 'user.passphrase_set':
      return current ? { ...current, passphraseSetAt: event.occurredAt } : undefined;
  }
}

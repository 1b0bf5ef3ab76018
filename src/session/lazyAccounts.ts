import type { SiagaDb } from '@/storage';
import type { AccountActions, UsernameAvailable } from './accounts';
import type { Session } from './session';

/**
 * Account administration, loaded the first time an admin uses it: most people who open Siaga
 * never create an account, so its code (and the passphrase checks) stay out of the start-up download.
 */
export function lazyAccountActions(
  db: SiagaDb,
  session: Session,
  hub: { usernameAvailable?: UsernameAvailable } = {},
): AccountActions {
  let loading: Promise<AccountActions> | undefined;
  const actions = () =>
    (loading ??= import('./accounts').then((module) => module.accountActions(db, session, hub)));
  return {
    createUser: async (input) => (await actions()).createUser(input),
    setPassphrase: async (...args) => (await actions()).setPassphrase(...args),
    changeRole: async (...args) => (await actions()).changeRole(...args),
    deactivate: async (...args) => (await actions()).deactivate(...args),
  };
}

import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { rememberSigningKeys, verifyPulledEvents } from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { visitRegistered } from '../domain/eventFactory';
import { signedBy, testAccount, userCreated } from '../server/hubCalls';
import { signedByNamedPerson, testActor, testSigningKeyDirectory } from '../testAccounts';

const ids = (events: readonly DomainEvent[]) => events.map((event) => event.id);

describe('[P32] a device applies pulled events only when signed by the person they name', () => {
  const makeDb = useTestDb();

  async function deviceKnowingTestPeople() {
    const db = makeDb();
    await rememberSigningKeys(db, testSigningKeyDirectory());
    return db;
  }

  it('takes signed events and refuses unsigned, changed and other people’s ones', async () => {
    const db = await deviceKnowingTestPeople();
    const signed = await signedByNamedPerson(visitRegistered(uuidv7(), '08:00'));
    const unsigned = visitRegistered(uuidv7(), '08:01');
    const changed = { ...signed, id: uuidv7() } as DomainEvent;
    const inAnothersName = {
      ...(await signedByNamedPerson(visitRegistered(uuidv7(), '08:02'))),
      actor: testActor('clinician'),
    } as DomainEvent;

    const { trusted, refused } = await verifyPulledEvents(db, [signed, unsigned, changed, inAnothersName]);

    expect(ids(trusted)).toEqual([signed.id]);
    expect(ids(refused)).toEqual([unsigned.id, changed.id, inAnothersName.id]);
  });

  it('learns a new account’s key from its account event earlier in the page, not later', async () => {
    const db = await deviceKnowingTestPeople();
    const clerk = testAccount('rina.baru', 'registration');
    const created = await signedByNamedPerson(await userCreated(clerk));
    const byClerk = async (time: string) =>
      signedBy(clerk, {
        ...visitRegistered(uuidv7(), time),
        actor: { userId: clerk.userId, name: 'Rina Baru', role: 'registration' },
      });
    const tooEarly = await byClerk('08:00');
    const after = await byClerk('08:05');

    const { trusted, refused } = await verifyPulledEvents(db, [tooEarly, created, after]);

    expect(ids(trusted)).toEqual([created.id, after.id]);
    expect(ids(refused)).toEqual([tooEarly.id]);
  });

  it('refuses an account that signs for itself unless it is the account it creates', async () => {
    const db = await deviceKnowingTestPeople();
    const intruder = testAccount('penyusup', 'admin');
    const made = await userCreated(intruder);
    // Signed by its own new key, but naming the test admin as its maker.
    const selfSigned = await signedBy(intruder, made);

    const { trusted, refused } = await verifyPulledEvents(db, [selfSigned]);

    expect(trusted).toEqual([]);
    expect(ids(refused)).toEqual([selfSigned.id]);
  });
});

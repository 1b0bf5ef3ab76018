/**
 * Decryption failed: wrong key, or the stored bytes were changed (AES-GCM authenticates both).
 * Carries where, never what: no plaintext or key material in the message.
 */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';
  constructor(readonly where: string) {
    super(`Encrypted data failed its integrity check (${where}).`);
  }
}

/** A passphrase box would not open: the passphrase is wrong, or the box was tampered with. */
export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
  constructor() {
    super('The passphrase is wrong, or the protected data was changed.');
  }
}

/**
 * How the desk knew who the patient is: ID card (KTP), the hospital's patient card (KIB), the
 * BPJS card, a family member's word, or nothing. Schema-free so the config can name a default.
 */
export const IDENTITY_PROOFS = ['ktp', 'kib', 'bpjs_card', 'family', 'none'] as const;
export type IdentityProof = (typeof IDENTITY_PROOFS)[number];

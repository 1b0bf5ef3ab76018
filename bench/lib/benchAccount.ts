/** The account the worklist bench signs in with on the app's own database (bench only). */
export const WORKLIST_ACCOUNT = { username: 'pemulihan.bench', passphrase: 'rekap kunjungan hari ini' };

import type { RuntimeConfig } from '@/domain/config';

/**
 * Written to `config.json` the first time a hub starts without one, so a newcomer sees a working
 * product. Every value here is an example for a fictional hospital; IT replaces them.
 */
export const DEMO_CONFIG: RuntimeConfig = {
  configVersion: 1,
  facility: { name: 'RSUD Contoh Sejahtera (demo)', code: '3171999', timeZone: 'Asia/Jakarta' },
  hub: { primaryUrl: '/' },
  simrs: { healthUrl: 'http://127.0.0.1:8081/health' },
  mrn: { pattern: '\\d{6}', example: '012345' },
  // The demo's registration desks, each with its own block of ticket numbers (decision 0009):
  // PD1 issues A-001…A-999, PD2 A-1001…, PD3 A-2001…
  queue: { deskSeries: { PD1: 0, PD2: 1, PD3: 2 } },
  polis: [
    {
      code: 'UMU',
      name: 'Poli Umum',
      queuePrefix: 'A',
      doctors: [
        { code: 'D001', name: 'dr. Ratna Sari' },
        { code: 'D002', name: 'dr. Bambang Wijaya' },
      ],
    },
    {
      code: 'ANA',
      name: 'Poli Anak',
      queuePrefix: 'B',
      doctors: [{ code: 'D010', name: 'dr. Maya Lestari, Sp.A' }],
    },
    {
      code: 'INT',
      name: 'Poli Penyakit Dalam',
      queuePrefix: 'C',
      doctors: [
        { code: 'D020', name: 'dr. Hendra Gunawan, Sp.PD' },
        { code: 'D021', name: 'dr. Siti Rahmawati, Sp.PD' },
      ],
    },
    {
      code: 'OBG',
      name: 'Poli Kebidanan dan Kandungan',
      queuePrefix: 'D',
      doctors: [{ code: 'D030', name: 'dr. Dewi Anggraini, Sp.OG' }],
    },
    {
      code: 'GIG',
      name: 'Poli Gigi',
      queuePrefix: 'E',
      doctors: [{ code: 'D040', name: 'drg. Agus Salim' }],
    },
    {
      code: 'MAT',
      name: 'Poli Mata',
      queuePrefix: 'F',
      doctors: [{ code: 'D050', name: 'dr. Yusuf Hidayat, Sp.M' }],
    },
  ],
};

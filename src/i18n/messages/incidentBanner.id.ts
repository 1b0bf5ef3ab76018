/** The open-incident banner (loaded with it, after sign-in). Bahasa Indonesia: the source of its keys. */
export const incidentBannerId = {
  title: 'Insiden {number}: mode manual sejak {time}',
  drillTitle: 'LATIHAN {number} sedang berjalan sejak {time}',
  failoverIn: 'Batas SOP untuk alih ke server cadangan: {time} (sisa {left}).',
  failedOver: 'Sudah dialihkan ke server cadangan pukul {time}.',
  open: 'Buka insiden',
  more: 'Ada {count} insiden lain yang masih terbuka.',
  drillBody:
    'Semua yang dicatat sekarang adalah data latihan: tidak pernah dikirim ke SIMRS dan dihapus setelah latihan.',
  failoverOverdue: 'Sudah lewat {minutes} menit dari batas 1 jam: SOP meminta alih ke server cadangan.',
  simrsBack: 'Menurut hub, SIMRS terjangkau lagi sejak {time}. Bila SIMRS sudah bisa dipakai, tutup insiden.',
} as const;

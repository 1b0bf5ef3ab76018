/** The open-incident banner (loaded with it, after sign-in). Bahasa Indonesia: the source of its keys. */
export const incidentBannerId = {
  title: 'Insiden {number}: mode manual sejak {time}',
  drillTitle: 'LATIHAN {number} sedang berjalan sejak {time}',
  failoverIn: 'Batas SOP untuk alih ke server cadangan: {time} (sisa {left}).',
  failedOver: 'Sudah dialihkan ke server cadangan pukul {time}.',
  open: 'Lihat insiden',
  drillShort: 'semua yang dicatat sekarang hanya data latihan',
  more: 'Ada {count} insiden lain yang masih terbuka.',
  failoverOverdue: 'Sudah lewat {minutes} menit dari batas 1 jam: SOP meminta alih ke server cadangan.',
  simrsBackShort: 'SIMRS terjangkau lagi sejak {time}',
  simrsBack: 'Menurut hub, SIMRS terjangkau lagi sejak {time}. Bila SIMRS sudah bisa dipakai, tutup insiden.',
} as const;

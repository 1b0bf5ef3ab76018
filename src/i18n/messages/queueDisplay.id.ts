/** The waiting-room screen's own words before it can show calls (loaded with the screen). Bahasa Indonesia: the source of its keys. */
export const queueDisplayId = {
  notReadyTitle: 'Layar ruang tunggu belum siap',
  notSetUp:
    'Perangkat ini belum disiapkan untuk Siaga, jadi belum ada panggilan yang dapat ditampilkan di sini.',
  noConfig:
    'Perangkat ini belum menerima konfigurasi rumah sakit dari hub. Pastikan perangkat tersambung ke jaringan rumah sakit, lalu muat ulang halaman ini.',
  howTitle: 'Cara menyiapkannya',
  stepSetUp:
    'Petugas IT membuka Siaga di perangkat ini, mengisi "Siapkan perangkat ini" (kode perangkat dan akun IT), lalu mendaftarkannya ke hub di Pengaturan → Hub & konfigurasi.',
  stepOpen:
    'Petugas poli masuk dengan akunnya di perangkat ini, membuka Poli, memilih polinya, lalu menekan "Buka layar ruang tunggu".',
  stepScreen: 'Geser jendela yang terbuka ke layar TV ruang tunggu, lalu tekan "Layar penuh".',
  setUpNow: 'Buka Siaga untuk menyiapkan perangkat ini',
} as const;

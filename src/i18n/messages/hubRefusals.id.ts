import type { HubRefusalCode } from '@/domain/sync/hubRefusals';

/**
 * Penolakan hub, satu kalimat per kode (dimuat bersama layar yang menampilkannya). Bahasa
 * Indonesia: sumber kuncinya. `{field}`: kolom yang ditolak, dengan namanya di layar.
 */
export const hubRefusalsId = {
  invalid_request:
    'Hub tidak dapat membaca permintaan dari perangkat ini. Muat ulang Siaga; bila terulang, hubungi IT.',
  bad_request:
    'Hub tidak dapat membaca permintaan dari perangkat ini. Muat ulang Siaga; bila terulang, hubungi IT.',
  request_timeout: 'Permintaan ke hub terlalu lama sampai. Periksa jaringan, lalu coba lagi.',
  headers_too_large: 'Permintaan ke hub terlalu besar. Muat ulang Siaga; bila terulang, hubungi IT.',
  not_found: 'Hub tidak mengenal alamat ini. Mungkin versi hub berbeda: hubungi IT.',
  internal:
    'Hub sedang bermasalah dan tidak dapat menyelesaikan permintaan. Siaga mencoba lagi; bila terus terjadi, hubungi IT.',
  origin_not_allowed:
    'Hub hanya melayani aplikasi Siaga dari alamatnya sendiri. Buka Siaga dari alamat hub, atau hubungi IT.',
  too_many_attempts: 'Terlalu banyak percobaan yang salah. Tunggu sebentar, lalu coba lagi.',
  batch_too_large: 'Kiriman terlalu besar untuk hub. Siaga mengirimnya dalam bagian yang lebih kecil.',
  token_missing: 'Perangkat ini belum terdaftar di hub. Minta IT mendaftarkannya di Pengaturan → Hub.',
  token_unknown: 'Hub tidak mengenal perangkat ini lagi. Minta IT mendaftarkannya ulang di Pengaturan → Hub.',
  token_revoked:
    'IT telah mencabut perangkat ini dari hub. Bila perangkat ini tepercaya, minta IT mendaftarkannya ulang.',
  token_invalid: 'Hub tidak mengenal perangkat ini. Minta IT mendaftarkannya ulang di Pengaturan → Hub.',
  push_only_token: 'Perangkat yang terkunci hanya dapat mengirim catatan. Masuk dulu, lalu coba lagi.',
  enrollment_code_invalid:
    'Kode pendaftaran salah atau sudah kedaluwarsa. Minta IT kode yang tampil di konsol hub.',
  device_code_taken: 'Kode perangkat ini sudah dipakai perangkat lain. Minta IT memberi kode lain.',
  cursor_invalid: 'Hub tidak mengenal posisi sinkronisasi perangkat ini. Siaga mengulang dari awal.',
  cursor_foreign: 'Data hub telah diganti. Siaga mengambil ulang semua catatan dari awal.',
  sign_in_failed: 'Nama pengguna atau kata sandi salah, atau akunnya tidak aktif.',
  key_not_escrowed:
    'Hub belum menyimpan kunci perangkat ini. Masuk sekali di perangkat asal akun ini saat terhubung ke hub.',
  key_unreadable: 'Hub tidak dapat membuka kunci perangkat ini. Hubungi IT.',
  admin_sign_in_failed: 'Nama pengguna atau kata sandi salah, atau akun itu bukan akun IT.',
  admin_session_missing: 'Masuk sebagai IT dulu untuk mengelola hub.',
  admin_session_invalid: 'Sesi IT di hub sudah berakhir. Masuk lagi.',
  device_not_found: 'Hub tidak pernah mendaftarkan perangkat itu.',
  no_simulator: 'Hub ini tidak menjalankan simulator SIMRS.',
  config_unavailable: 'Hub tidak dapat membaca konfigurasi rumah sakit (config.json). Hubungi IT.',
  config_missing: 'Konfigurasi rumah sakit di hub tidak ada atau tidak valid (config.json). Hubungi IT.',
  target_unknown: 'Hub tidak mengenal tujuan pengiriman ini. Hubungi IT (delivery.json).',
  patient_unknown:
    'Pasien ini belum sampai di hub. Tunggu perangkat yang mendaftarkannya tersinkron, lalu coba lagi.',
  patient_has_mrn: 'Pasien ini sudah punya No. RM. Muat ulang daftarnya.',
  simrs_unreachable: 'SIMRS tidak dapat dihubungi hub. Coba lagi sebentar lagi.',
  simrs_invalid_answer:
    'SIMRS menjawab dengan cara yang tidak dikenal hub. Coba lagi; bila terulang, hubungi IT.',
  https_required:
    'Hub hanya melayani perangkat lewat alamat aman (https). Buka Siaga dengan alamat https hub; bila browser memperingatkan sertifikat, pasang sertifikat hub lebih dulu.',
  host_not_allowed:
    'Hub tidak dikenal dengan alamat yang dipakai perangkat ini. Buka Siaga dengan alamat hub yang diberikan IT, atau hubungi IT.',
  simrs_refused:
    'SIMRS menolak mendaftarkan pasien ini. Bila pasien sudah ada di SIMRS, ketik No. RM-nya; bila tidak, hubungi IT.',
  invalid_event: 'Ditolak hub: isian tidak valid (kolom {field}).',
  unreadable: 'Ditolak hub: catatan ini tersegel untuk hub lain dan tidak dapat dibuka. Hubungi IT.',
  forbidden: 'Ditolak hub: peran petugas yang mencatatnya tidak berhak atas catatan ini.',
  unknown_poli: 'Ditolak hub: poli tidak ada dalam konfigurasi hub (kolom {field}).',
  unknown_doctor: 'Ditolak hub: dokter tidak praktik di poli itu menurut hub (kolom {field}).',
  bad_signature:
    'Ditolak hub: tanda tangan digital catatan ini tidak sah atau tidak ada, jadi tidak terbukti dibuat oleh petugas yang tertera. Hubungi IT.',
  unknown_signer:
    'Ditolak hub: catatan ini ditandatangani dengan kunci yang tidak dikenal hub. Bila akun baru dibuat saat hub tidak terjangkau, tunggu sinkronisasi lalu kirim ulang; bila terus terjadi, hubungi IT.',
  username_taken: 'Ditolak hub: nama pengguna ini sudah dipakai akun lain.',
  account_authority:
    'Ditolak hub: akun hanya dapat dibuat atau diubah oleh akun IT yang dikenal hub, dari perangkat yang sedang masuk. Perangkat selain yang pertama disiapkan lewat "Hubungkan ke hub rumah sakit", lalu IT masuk dengan akunnya yang sudah ada.',
  delivery_authority:
    'Ditolak hub: pengiriman hanya dapat dimulai atau dijeda oleh petugas pemulihan yang dikenal hub, dari perangkat yang sedang masuk.',
  wrong_entity:
    'Ditolak hub: catatan ini menunjuk data yang di hub tercatat sebagai jenis lain, misalnya asesmen dengan nomor kunjungan (kolom {field}). Hubungi IT sebelum memperbaiki atau membatalkannya.',
  conflict: 'Bentrok: hub sudah menyimpan isi lain dengan nomor catatan yang sama.',
  unknown: 'Hub menolak permintaan ini. Coba lagi; bila terulang, hubungi IT.',
} as const satisfies Record<HubRefusalCode | 'unknown', string>;

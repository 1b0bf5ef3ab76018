/** Bahasa Indonesia: the default language and the source of the message keys. */
export const shellId = {
  'app.name': 'Siaga',
  'app.tagline': 'Pelayanan tetap berjalan saat SIMRS tidak tersedia',
  'app.skipToContent': 'Lompat ke isi',
  'app.version': 'Versi {version}',

  'nav.label': 'Ruang kerja',
  'nav.home': 'Beranda',
  'nav.registration': 'Pendaftaran',
  'nav.records': 'Rekam Medis',
  'nav.clinic': 'Poli',
  'nav.recovery': 'Pemulihan',
  'nav.audit': 'Audit',
  'nav.incidents': 'Insiden',
  'nav.settings': 'Pengaturan',

  'workspace.registration.purpose':
    'Mendaftarkan pasien yang datang, memberi nomor antrean, memanggil pasien, dan membuat bon pencarian rekam medis.',
  'workspace.records.purpose':
    'Mengerjakan bon pencarian: mencari berkas, resume soft-copy atau cadangan berkala, mengirim berkas dan formulir RM 1.2 ke poli.',
  'workspace.clinic.purpose': 'Melihat antrean poli, memanggil pasien, dan mengisi asesmen RM 1.2.',
  'workspace.recovery.purpose':
    'Setelah SIMRS pulih: memeriksa semua data yang dicatat, menyinkronkan ke SIMRS, dan memperbaiki yang ditolak.',
  'workspace.audit.purpose':
    'Jejak audit: siapa melihat, mencetak, mengekspor, atau memperbaiki apa, dan kapan.',
  'workspace.denied': 'Peran Anda tidak berhak membuka ruang kerja ini.',
  'workspace.incidents.purpose':
    'Mencatat insiden waktu henti, mengikuti langkah SOP, dan membuat laporan bulanan ketepatan respons.',
  'workspace.settings.purpose': 'Bahasa, penyimpanan perangkat, konfigurasi rumah sakit, dan versi aplikasi.',

  'home.title': 'Selamat datang di Siaga',
  'home.intro': 'Pilih ruang kerja sesuai tugas Anda. Siaga tetap bisa dibuka walaupun server mati.',

  'status.label': 'Status perangkat',
  'status.hub.checking': 'Memeriksa hub…',
  'status.hub.reachable': 'Hub terhubung',
  'status.hub.reachableBackup': 'Hub cadangan terhubung',
  'status.hub.unreachable': 'Hub tidak terjangkau',
  'status.hub.retryIn': 'coba lagi dalam {seconds} dtk',
  'status.pending': 'Belum tersinkron: {count}',
  'status.pending.loading': 'Belum tersinkron: …',
  'status.sync.done': 'Tersinkron {time}',
  'status.sync.running': 'Menyinkronkan… {count}',
  'status.sync.retrying': 'Sinkronisasi gagal, mencoba lagi',
  'status.sync.notEnrolled': 'Belum terhubung ke hub',
  'status.sync.authFailed': 'Hub menolak perangkat: daftar ulang',
  'status.sync.otherTab': 'Disinkronkan di tab lain',
  'status.sync.review': 'Perlu ditinjau: {count}',
  'status.clock.behind': 'Jam perangkat terlambat {minutes} menit dari hub',
  'status.clock.ahead': 'Jam perangkat lebih cepat {minutes} menit dari hub',
  'simrs.down': 'Mode manual: SIMRS tidak tersedia sejak {time}',
  'simrs.downBody':
    'Catat pelayanan di Siaga; semua akan dikirim ke SIMRS saat pulih, dengan jam pelayanan sebenarnya.',
  'status.storage.persisted': 'Penyimpanan permanen',
  'status.storage.notPersisted': 'Penyimpanan belum permanen',
  'status.storage.unsupported': 'Penyimpanan permanen tidak didukung',
  'status.storage.unknown': 'Memeriksa penyimpanan…',
  'status.storage.usage': '{usage} dari {quota}',
  'status.offline.ready': 'Siap bekerja offline',
  'status.offline.preparing': 'Menyiapkan mode offline…',
  'status.offline.unavailable': 'Mode offline tidak tersedia di peramban ini',

  'update.available': 'Versi baru Siaga tersedia.',
  'update.apply': 'Perbarui sekarang',
  'update.later': 'Nanti',
  'update.blockedByUnsavedWork':
    'Masih ada isian yang belum disimpan. Simpan dulu; pembaruan tidak akan menghapus isian Anda.',
  'update.pendingBadge': 'Pembaruan tersedia',

  'db.closedForUpgrade':
    'Siaga diperbarui di tab lain. Simpan isian Anda, lalu muat ulang halaman ini untuk melanjutkan.',
  'db.reload': 'Muat ulang',

  'config.missing.title': 'Siaga belum memiliki konfigurasi',
  'config.missing.body':
    'Perangkat ini belum pernah menerima konfigurasi yang valid dari hub. Sambungkan perangkat ke jaringan rumah sakit sekali, lalu coba lagi. Jika masalah berlanjut, hubungi IT.',
  'config.retry': 'Coba lagi',
  'config.loading': 'Memuat konfigurasi…',
  'config.invalid.title': 'Berkas config.json tidak valid',
  'config.invalid.keepingLast':
    'Siaga tetap memakai konfigurasi valid terakhir (diterima {fetchedAt}). Minta IT memperbaiki kolom berikut:',
  'config.invalid.noFallback': 'Minta IT memperbaiki kolom berikut:',
  'config.unreachable': 'Konfigurasi tidak dapat diambil dari hub; memakai salinan terakhir.',
  'config.field.root': '(seluruh berkas)',

  'configIssue.notJson': 'berkas bukan JSON yang valid',
  'configIssue.required': 'wajib diisi',
  'configIssue.wrongType': 'jenis nilai salah (seharusnya {expected})',
  'configIssue.tooShort': 'terlalu pendek atau terlalu sedikit (minimal {minimum})',
  'configIssue.tooLong': 'terlalu panjang atau terlalu banyak (maksimal {maximum})',
  'configIssue.invalidFormat': 'format tidak sesuai',
  'configIssue.invalidUrl': 'harus berupa alamat http:// atau https://',
  'configIssue.notOneOf': 'harus salah satu dari: {allowed}',
  'configIssue.unknownField': 'kolom tidak dikenal (salah ketik?)',
  'configIssue.hubUrl': 'harus berupa alamat http(s):// atau jalur yang diawali "/"',
  'configIssue.duplicate': 'nilai "{value}" dipakai lebih dari sekali',
  'configIssue.invalidRegex': 'bukan ekspresi reguler yang valid',
  'configIssue.exampleMismatch': 'contoh tidak sesuai dengan pola',

  'configIssue.matchesTempNumber':
    'pola ini juga cocok dengan nomor sementara (TMP-…); nomor RM dan nomor sementara bisa tertukar',

  'settings.language': 'Bahasa',
  'settings.language.hint': 'Pilihan bahasa disimpan di perangkat ini.',

  'common.yes': 'Ya',
  'common.no': 'Tidak',
  'error.integrity.title': 'Data ini tidak dapat dibuka: pemeriksaan integritas gagal',
  'error.integrity.body':
    'Catatan terenkripsi di perangkat ini telah berubah atau rusak, sehingga tidak ditampilkan. Data lain tetap aman dan sinkronisasi berjalan. Pilih ruang kerja lain untuk melanjutkan, dan laporkan ke IT.',
  'error.unexpected.title': 'Layar ini gagal dibuka',
  'error.unexpected.body':
    'Data yang sudah tersimpan tidak hilang. Pilih ruang kerja lain atau muat ulang aplikasi; bila berulang, laporkan ke IT.',
} as const;

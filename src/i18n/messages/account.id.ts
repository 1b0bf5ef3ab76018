/** Accounts, sign-in, screen lock, audit trail and encrypted backup. */
export const accountId = {
  'account.username': 'Nama pengguna',
  'account.usernameHint': 'Huruf kecil tanpa spasi, contoh rina.p atau it-pd1.',
  'account.displayName': 'Nama lengkap',
  'account.adminName': 'Nama petugas IT',
  'account.passphrase': 'Kata sandi',
  'account.passphraseHint':
    'Minimal 10 karakter. Kalimat pendek yang mudah diingat lebih aman, misalnya "kopi pagi di poli".',
  'account.passphraseAgain': 'Ulangi kata sandi',
  'account.newPassphrase': 'Kata sandi baru',
  'account.newPassphraseFor': 'Kata sandi baru untuk {name}',
  'account.initialPassphrase': 'Kata sandi awal',
  'account.pin': 'PIN (6 angka)',

  'account.setup.title': 'Siapkan perangkat ini',
  'account.setup.intro':
    'Langkah untuk petugas IT, sekali untuk setiap perangkat. Semua data pasien di perangkat ini dienkripsi dengan kunci yang hanya terbuka dengan kata sandi.',
  'account.setup.introExisting':
    'Perangkat ini sudah dipakai sebelum ada akun. Setelah perangkat disiapkan dan seseorang masuk, semua data yang sudah ada dienkripsi.',
  'account.setup.joinTitle': 'Hubungkan ke hub rumah sakit',
  'account.setup.joinIntro':
    'Untuk perangkat kedua dan seterusnya. Perangkat memakai akun yang sudah ada di rumah sakit: setelah terhubung, masuk dengan nama pengguna dan kata sandi Anda.',
  'account.setup.enrollmentCode': 'Kode pendaftaran hub',
  'account.setup.enrollmentCodeHint':
    'Dari petugas IT: tercetak di layar server hub saat dinyalakan, contoh K7QM-4XPD.',
  'account.setup.joinSubmit': 'Hubungkan ke hub',
  'account.setup.joining': 'Menghubungkan ke hub…',
  'account.setup.codeInvalid':
    'Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada petugas IT.',
  'account.setup.deviceCodeTaken':
    'Kode perangkat {code} sudah dipakai perangkat lain di hub ini. Pilih kode lain yang belum dipakai (tanyakan kepada petugas IT).',
  'account.setup.hubUnreachable':
    'Hub tidak terjangkau dari perangkat ini. Periksa jaringan, lalu coba lagi. Jika rumah sakit belum punya hub, buat akun admin lokal di bawah.',
  'account.setup.hubError':
    'Hub tidak dapat menghubungkan perangkat ini. Coba lagi; bila terus terjadi, hubungi petugas IT.',
  'account.setup.localTitle': 'Perangkat pertama, atau tanpa hub',
  'account.setup.localIntro':
    'Hanya untuk perangkat pertama rumah sakit atau bila tidak ada hub: buat akun admin khusus untuk perangkat ini. Perangkat lain terhubung ke hub dan memakai akun yang sudah ada.',
  'account.setup.showLocal': 'Buat akun admin lokal',
  'account.setup.submit': 'Siapkan perangkat',
  'account.setup.working': 'Menyiapkan kunci…',
  'account.setup.joined':
    'Perangkat {device} terhubung ke hub rumah sakit. Masuk dengan akun Anda yang sudah ada: nama pengguna dan kata sandi yang sama seperti di perangkat lain.',

  'account.signIn.title': 'Masuk',
  'account.signIn.intro':
    'Setiap petugas masuk dengan akunnya sendiri. Data pasien hanya terbuka setelah masuk.',
  'account.signIn.submit': 'Masuk',
  'account.signIn.working': 'Memeriksa…',
  'account.signIn.wrong': 'Nama pengguna atau kata sandi salah.',
  'account.signIn.wait': 'Terlalu banyak percobaan yang salah. Coba lagi dalam {seconds} detik.',
  'account.signIn.hubNeeded':
    'Akun ini belum pernah masuk di perangkat ini, dan perangkat belum terhubung ke hub. Minta IT mendaftarkan perangkat ke hub, atau masuk dengan akun yang sudah pernah dipakai di sini.',
  'account.signIn.hubUnreachable':
    'Akun ini belum pernah masuk di perangkat ini, dan hub tidak terjangkau. Masuk pertama kali perlu hub; akun yang sudah pernah dipakai di sini tetap bisa masuk.',
  'account.signIn.notEscrowed':
    'Hub belum menyimpan kunci perangkat ini. Minta petugas yang sudah punya akun di perangkat ini masuk sekali saat hub terjangkau.',
  'account.signIn.noSigningKey':
    'Akun ini belum punya kunci tanda tangan digital, jadi belum dapat mencatat apa pun. Minta admin mengatur ulang kata sandi akun ini, lalu masuk dengan kata sandi baru.',
  'account.signIn.hubFailed': 'Hub tidak dapat memproses permintaan masuk. Coba lagi atau hubungi IT.',

  'account.lock.title': 'Layar terkunci',
  'account.lock.idle':
    'Dikunci otomatis karena tidak dipakai. Masuk lagi sebagai {name}, atau ganti pengguna.',
  'account.lock.hidden':
    'Dikunci karena aplikasi ditinggalkan. Masuk lagi sebagai {name}, atau ganti pengguna.',
  'account.lock.manual': 'Dikunci oleh {name}.',
  'account.lock.unlock': 'Buka kunci',
  'account.lock.wrongPin': 'PIN salah.',
  'account.lock.pinExhausted': 'PIN salah terlalu sering. Masuk dengan kata sandi.',
  'account.lock.switchUser': 'Ganti pengguna',

  'account.mine.title': 'Akun saya',
  'account.mine.signedInAs': 'Masuk sebagai {name} ({username}), {role}.',
  'account.mine.lockNow': 'Kunci layar sekarang',
  'account.mine.signOut': 'Keluar',
  'account.mine.signOutAnyway': 'Tetap keluar',
  'account.mine.unsyncedTitle': '{count} catatan belum terkirim ke hub',
  'account.mine.unsyncedBody':
    'Catatan tetap tersimpan aman (terenkripsi) di perangkat ini dan terkirim saat hub terjangkau, juga setelah Anda keluar.',
  'account.mine.changePassphrase': 'Ganti kata sandi',
  'account.mine.savePassphrase': 'Simpan kata sandi baru',
  'account.mine.passphraseChanged': 'Kata sandi diganti.',
  'account.mine.pinTitle': 'PIN buka kunci layar',
  'account.mine.pinIntro':
    'PIN hanya membuka layar yang terkunci selama sesi ini di perangkat ini. Setelah perangkat dimulai ulang atau PIN salah 5 kali, masuk dengan kata sandi.',
  'account.mine.savePin': 'Simpan PIN',
  'account.mine.pinSaved': 'PIN disimpan.',

  'account.admin.title': 'Akun pengguna',
  'account.admin.intro':
    'Akun berlaku di seluruh rumah sakit. Akun baru langsung bisa masuk di perangkat ini; di perangkat lain, masuk pertama kali memerlukan hub.',
  'account.admin.listLabel': 'Daftar akun',
  'account.admin.create': 'Buat akun',
  'account.admin.createSubmit': 'Buat akun',
  'account.admin.created': 'Akun {name} dibuat.',
  'account.admin.active': 'aktif',
  'account.admin.inactive': 'nonaktif',
  'account.admin.roleOf': 'Peran {name}',
  'account.admin.reset': 'Atur ulang kata sandi',
  'account.admin.resetSubmit': 'Simpan kata sandi',
  'account.admin.resetDone': 'Kata sandi {name} diatur ulang.',
  'account.admin.deactivate': 'Nonaktifkan',
  'account.admin.deactivateConfirm':
    'Nonaktifkan akun {name}? Akun tidak bisa masuk lagi di perangkat mana pun; catatannya tetap tersimpan.',
  'audit.actor': '{name} ({role})',
  'audit.col.time': 'Waktu',
  'audit.col.who': 'Petugas',
  'audit.col.device': 'Perangkat',
  'audit.col.what': 'Tindakan',
  'audit.col.subject': 'Terkait',
  'audit.corrected': 'Perbaikan: {type}',
  'audit.count': '{count} catatan',
  'audit.count.shown': 'Menampilkan {shown} dari {total} entri, terbaru di atas.',
  'audit.filter.actor': 'Petugas',
  'audit.filter.action': 'Tindakan',
  'audit.filter.all': 'Semua',
  'audit.filter.corrections': 'Perbaikan dan perubahan',
  'audit.filter.device': 'Kode perangkat',
  'audit.filter.date': 'Tanggal',
  'audit.record': 'catatan …{id}',
  'audit.visit': 'kunjungan …{id}',
  'audit.action.visit_viewed': 'Melihat kunjungan',
  'audit.action.assessment_viewed': 'Melihat asesmen RM 1.2',
  'audit.action.printed': 'Mencetak',
  'audit.action.backup_exported': 'Mengekspor cadangan',
  'audit.action.backup_imported': 'Mengimpor cadangan',
  'audit.action.signed_in': 'Masuk',
  'audit.action.signed_out': 'Keluar',
  'audit.document.ticket': 'karcis antrean',
  'audit.document.registration_summary': 'ringkasan pendaftaran',
  'audit.document.slip': 'bon rekam medis',
  'audit.document.rm12': 'RM 1.2',
  'backup.title': 'Cadangan terenkripsi',
  'backup.intro':
    'Untuk perangkat yang akan rusak atau kehabisan baterai: catatan yang belum terkirim ke hub disimpan ke berkas yang hanya terbuka dengan kata sandi cadangan, lalu dimasukkan di perangkat lain. Simpan berkas dan kata sandinya terpisah.',
  'backup.passphrase': 'Kata sandi cadangan',
  'backup.passphraseHint':
    'Minimal 10 karakter. Berikan kepada penerima secara lisan, bukan bersama berkasnya.',
  'backup.working': 'Memproses…',
  'backup.export.title': 'Buat cadangan',
  'backup.export.intro': '{count} catatan di perangkat ini belum terkirim ke hub.',
  'backup.export.submit': 'Unduh cadangan',
  'backup.export.done': 'Cadangan berisi {count} catatan dibuat.',
  'backup.export.doneBody':
    'Berkas: {fileName}. Catatan tetap tersimpan di perangkat ini dan tetap dikirim ke hub bila tersambung.',
  'backup.import.title': 'Masukkan cadangan dari perangkat lain',
  'backup.import.file': 'Berkas cadangan (.siaga)',
  'backup.import.submit': 'Masukkan cadangan',
  'backup.import.chooseFile': 'Pilih berkas cadangan dulu.',
  'backup.import.unreadable': 'Berkas ini tidak dapat dibaca (bukan JSON). Pastikan berkasnya utuh.',
  'backup.import.notSiaga': 'Berkas ini bukan cadangan Siaga.',
  'backup.import.invalid': 'Isi cadangan tidak valid atau dari versi Siaga lain. Tidak ada yang dimasukkan.',
  'backup.import.wrongPassphrase':
    'Kata sandi cadangan salah, atau berkasnya telah diubah. Tidak ada yang dimasukkan.',
  'backup.import.done': '{added} catatan ditambahkan; {present} sudah ada di perangkat ini.',
  'backup.import.from': 'Dari perangkat {device}, dibuat {time}. Catatan baru akan dikirim ke hub.',
  'backup.import.addedList': 'Catatan yang ditambahkan',
  'backup.import.typeCount': '{type}: {count}',
} as const;

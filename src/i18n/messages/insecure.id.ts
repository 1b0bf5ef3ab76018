/** The screen for an address the browser does not count as secure (loaded only there). */
export const insecureId = {
  title: 'Siaga harus dibuka lewat alamat aman (https)',
  body: 'Alamat {address} tidak aman, sehingga browser mematikan enkripsi data pasien dan mode tanpa jaringan. Siaga tidak dapat dipakai di alamat ini; tidak ada yang disimpan.',
  whatToDo: 'Yang harus dilakukan',
  stepOpen: 'Buka Siaga lewat alamat aman:',
  openSecure: 'Buka {url}',
  stepCertificate:
    'Jika browser lalu memperingatkan bahwa koneksi tidak aman, sertifikat hub belum dipercaya perangkat ini. Minta petugas IT memasangnya (halaman pemasangan ada di alamat http hub dari perangkat lain di jaringan). Jangan melewati peringatan itu.',
  stepIt:
    'Petugas IT: hub Siaga melayani HTTPS dengan sertifikatnya sendiri (bawaan). Bila hub dijalankan dengan --plain-http, buka lewat proxy HTTPS di depannya.',
} as const;

/** The two languages of the install page; Bahasa Indonesia unless `?lang=en`. */
export type InstallLanguage = 'id' | 'en';

type PlatformSteps = { name: string; steps: string[] };

type InstallTexts = {
  title: string;
  intro: string;
  why: string;
  downloadTitle: string;
  downloadButton: string;
  fingerprint: string;
  hospitalCa: string;
  trustTitle: string;
  trustIntro: string;
  platforms: PlatformSteps[];
  openTitle: string;
  openIntro: string;
  openButton: string;
  warning: string;
  otherLanguage: string;
};

const FILE = 'siaga-hub-ca.crt';

const TEXTS: Record<InstallLanguage, InstallTexts> = {
  id: {
    title: 'Pasang sertifikat hub Siaga di perangkat ini',
    intro:
      'Perangkat ini membuka hub Siaga lewat alamat biasa (http). Siaga hanya bekerja lewat alamat aman (https): ' +
      'hanya di sana data pasien tersimpan terenkripsi dan aplikasi tetap terbuka saat jaringan putus.',
    why: 'Lakukan tiga langkah ini sekali untuk setiap perangkat (biasanya oleh petugas IT).',
    downloadTitle: '1. Unduh sertifikat hub',
    downloadButton: 'Unduh sertifikat (siaga-hub-ca.crt)',
    fingerprint:
      'Sidik jari SHA-256 sertifikat ini (cocokkan dengan yang tercetak di layar server hub saat dinyalakan):',
    hospitalCa:
      'Hub ini memakai sertifikat dari CA rumah sakit: minta file sertifikat CA rumah sakit kepada petugas IT, lalu percayai seperti pada langkah 2.',
    trustTitle: '2. Percayai sertifikat itu',
    trustIntro: 'Pilih jenis perangkat. Nama menu bisa sedikit berbeda antar merek dan versi.',
    platforms: [
      {
        name: 'Android (tablet, ponsel)',
        steps: [
          `Buka Setelan → Keamanan & privasi → Setelan keamanan lainnya → Enkripsi & kredensial → Instal sertifikat → Sertifikat CA (atau cari "sertifikat CA" di kotak pencarian Setelan).`,
          'Ketuk "Tetap instal", masukkan PIN layar bila diminta.',
          `Pilih file ${FILE} dari folder Download.`,
        ],
      },
      {
        name: 'iPad (iPadOS)',
        steps: [
          'Unduh sertifikat dengan Safari, lalu ketuk "Izinkan" untuk mengunduh profil.',
          'Buka Pengaturan → Umum → VPN & Manajemen Perangkat → pilih profil "Siaga hub CA" → Instal.',
          'Buka Pengaturan → Umum → Mengenai → Pengaturan Kepercayaan Sertifikat → nyalakan kepercayaan penuh untuk "Siaga hub CA".',
        ],
      },
      {
        name: 'Windows (PC, laptop)',
        steps: [
          `Buka file ${FILE} yang sudah diunduh → Install Certificate.`,
          'Pilih Local Machine (perlu hak admin) atau Current User → Next.',
          'Pilih "Place all certificates in the following store" → Browse → Trusted Root Certification Authorities → Next → Finish → Yes.',
          'Tutup semua jendela Chrome/Edge, lalu buka lagi.',
        ],
      },
      {
        name: 'Chromebook (ChromeOS)',
        steps: [
          'Buka Setelan → Privasi dan keamanan → Keamanan → Kelola sertifikat (atau ketik chrome://certificate-manager).',
          `Pilih Otoritas (Authorities) → Impor → pilih file ${FILE}.`,
          'Centang "Percayai sertifikat ini untuk mengidentifikasi situs" → OK.',
        ],
      },
    ],
    openTitle: '3. Buka Siaga lewat alamat aman',
    openIntro:
      'Setelah sertifikat dipercaya, buka alamat ini (simpan sebagai bookmark atau pasang ke layar utama):',
    openButton: 'Buka Siaga',
    warning:
      'Jika browser masih memperingatkan bahwa koneksi tidak aman, sertifikat belum dipercaya: ulangi langkah 2. Jangan pernah melewati peringatan itu.',
    otherLanguage: 'English',
  },
  en: {
    title: "Install the Siaga hub's certificate on this device",
    intro:
      'This device opened the Siaga hub by a plain (http) address. Siaga only works over a secure (https) address: ' +
      'only there are patient data stored encrypted and does the app keep opening when the network is down.',
    why: 'Do these three steps once per device (usually done by IT).',
    downloadTitle: "1. Download the hub's certificate",
    downloadButton: 'Download the certificate (siaga-hub-ca.crt)',
    fingerprint:
      "This certificate's SHA-256 fingerprint (compare it with the one printed on the hub server's screen at start):",
    hospitalCa:
      "This hub uses a certificate from the hospital's CA: ask IT for the hospital's CA certificate file, then trust it as in step 2.",
    trustTitle: '2. Trust that certificate',
    trustIntro: 'Choose the kind of device. Menu names differ slightly between makes and versions.',
    platforms: [
      {
        name: 'Android (tablet, phone)',
        steps: [
          'Open Settings → Security & privacy → More security settings → Encryption & credentials → Install a certificate → CA certificate (or search Settings for "CA certificate").',
          'Tap "Install anyway" and enter the screen PIN if asked.',
          `Choose ${FILE} from the Download folder.`,
        ],
      },
      {
        name: 'iPad (iPadOS)',
        steps: [
          'Download the certificate with Safari and tap "Allow" to download the profile.',
          'Open Settings → General → VPN & Device Management → choose the "Siaga hub CA" profile → Install.',
          'Open Settings → General → About → Certificate Trust Settings → turn on full trust for "Siaga hub CA".',
        ],
      },
      {
        name: 'Windows (PC, laptop)',
        steps: [
          `Open the downloaded ${FILE} → Install Certificate.`,
          'Choose Local Machine (needs admin rights) or Current User → Next.',
          'Choose "Place all certificates in the following store" → Browse → Trusted Root Certification Authorities → Next → Finish → Yes.',
          'Close every Chrome/Edge window, then open it again.',
        ],
      },
      {
        name: 'Chromebook (ChromeOS)',
        steps: [
          'Open Settings → Privacy and security → Security → Manage certificates (or type chrome://certificate-manager).',
          `Choose Authorities → Import → choose ${FILE}.`,
          'Tick "Trust this certificate for identifying websites" → OK.',
        ],
      },
    ],
    openTitle: '3. Open Siaga by its secure address',
    openIntro:
      'Once the certificate is trusted, open this address (bookmark it or add it to the home screen):',
    openButton: 'Open Siaga',
    warning:
      'If the browser still warns that the connection is not private, the certificate is not trusted yet: repeat step 2. Never click through that warning.',
    otherLanguage: 'Bahasa Indonesia',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The page a device sees when it reaches the hub over plain HTTP from the network: where to get
 * the CA certificate, how to trust it on each kind of device, and the HTTPS address to open then.
 * Plain HTML and one stylesheet: it must work in any browser, with no script (the CSP has none).
 */
export function renderInstallPage(input: {
  language: InstallLanguage;
  httpsUrl: string;
  /** The hub's own CA (download and fingerprint), or undefined under the hospital's CA. */
  caFingerprint: string | undefined;
}): string {
  const text = TEXTS[input.language];
  const other: InstallLanguage = input.language === 'id' ? 'en' : 'id';
  const url = escapeHtml(input.httpsUrl);
  const download = input.caFingerprint
    ? `<p><a class="button" href="/${FILE}" download>${escapeHtml(text.downloadButton)}</a></p>
<p>${escapeHtml(text.fingerprint)}</p><p class="fingerprint">${escapeHtml(input.caFingerprint)}</p>`
    : `<p>${escapeHtml(text.hospitalCa)}</p>`;
  const platforms = text.platforms
    .map(
      (platform) =>
        `<details><summary>${escapeHtml(platform.name)}</summary><ol>${platform.steps
          .map((step) => `<li>${escapeHtml(step)}</li>`)
          .join('')}</ol></details>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title>
<link rel="stylesheet" href="/siaga-install.css">
</head>
<body>
<main>
<p class="language"><a href="?lang=${other}" hreflang="${other}" lang="${other}">${escapeHtml(text.otherLanguage)}</a></p>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.intro)}</p>
<p>${escapeHtml(text.why)}</p>
<section aria-labelledby="download"><h2 id="download">${escapeHtml(text.downloadTitle)}</h2>
${download}
</section>
<section aria-labelledby="trust"><h2 id="trust">${escapeHtml(text.trustTitle)}</h2>
<p>${escapeHtml(text.trustIntro)}</p>
${platforms}
</section>
<section aria-labelledby="open"><h2 id="open">${escapeHtml(text.openTitle)}</h2>
<p>${escapeHtml(text.openIntro)}</p>
<p class="address">${url}</p>
<p><a class="button" href="${url}">${escapeHtml(text.openButton)}</a></p>
<p class="warning">${escapeHtml(text.warning)}</p>
</section>
</main>
</body>
</html>
`;
}

/** Large type and 44 px targets: the page is read on tablets held by people in a hurry. */
export const INSTALL_PAGE_CSS = `
body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: #1b1f24; background: #f6f7f9; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
.language { text-align: right; margin: 0; }
.language a { display: inline-block; min-height: 44px; line-height: 44px; padding: 0 .5rem; }
.button { display: inline-block; min-height: 44px; line-height: 44px; padding: 0 1.25rem; border-radius: 6px;
  background: #0b5cad; color: #fff; font-weight: 600; text-decoration: none; }
.button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
details { background: #fff; border: 1px solid #c9ced6; border-radius: 6px; margin: .5rem 0; }
summary { min-height: 44px; line-height: 44px; padding: 0 1rem; cursor: pointer; font-weight: 600; }
details ol { margin: 0 1rem 1rem 0; }
.fingerprint, .address { font-family: ui-monospace, monospace; word-break: break-all; background: #fff;
  border: 1px solid #c9ced6; padding: .5rem .75rem; border-radius: 6px; }
.warning { border-left: 4px solid #b3261e; padding-left: .75rem; }
`;

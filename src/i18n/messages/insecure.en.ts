import type { insecureId } from './insecure.id';

export const insecureEn: Record<keyof typeof insecureId, string> = {
  title: 'Siaga must be opened by a secure (https) address',
  body: 'The address {address} is not secure, so the browser switches off the encryption of patient data and working without the network. Siaga cannot be used at this address; nothing is stored.',
  whatToDo: 'What to do',
  stepOpen: 'Open Siaga by its secure address:',
  openSecure: 'Open {url}',
  stepCertificate:
    "If the browser then warns that the connection is not private, this device does not trust the hub's certificate yet. Ask IT to install it (the install page is at the hub's http address, from another device on the network). Never click through that warning.",
  stepIt:
    'IT: the Siaga hub serves HTTPS with its own certificate (the default). If the hub runs with --plain-http, open it through the HTTPS proxy in front of it.',
};

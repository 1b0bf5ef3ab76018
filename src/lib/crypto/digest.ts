import { toBase64Url, utf8 } from './encoding';

/** SHA-256 of a text (UTF-8), base64url without padding (43 characters). */
export async function digestBase64Url(text: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));
}

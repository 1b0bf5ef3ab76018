/**
 * Text ⇄ compact URL-safe text (raw DEFLATE + base64url), for QR codes that must carry a slip and
 * its visit in as few modules as possible. Uses the platform's CompressionStream.
 */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const response = new Response(new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function compressToText(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** Throws on anything that is not our compressed text (the caller reports it as unreadable). */
export async function decompressFromText(text: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(
    await pipe(fromBase64Url(text.trim()), new DecompressionStream('deflate-raw')),
  );
}

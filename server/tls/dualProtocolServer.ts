import { Server as HttpServer, type RequestListener } from 'node:http';
import type { Socket } from 'node:net';
import { Server as TlsServer, type TLSSocket } from 'node:tls';
import type { HubTls } from './hubTls';

/**
 * TLS 1.2 only with forward-secret AEAD suites [P44]: ECDHE key exchange (a recorded session
 * cannot be decrypted later with the server's key) and AES-GCM or ChaCha20-Poly1305 (no CBC and
 * its padding oracles), for ECDSA certificates (the hub's own) and RSA ones (a hospital CA's).
 * Node's default also allows DHE, CBC and, with an RSA certificate, static-RSA suites. TLS 1.3's
 * suites are all forward-secret AEAD and are set apart by Node, so listing none here leaves them
 * as they are. Any browser that can run the app at all (service workers, WebCrypto) offers these.
 */
export const TLS_POLICY = {
  minVersion: 'TLSv1.2',
  ciphers: [
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-CHACHA20-POLY1305',
  ].join(':'),
} as const;

/** Every TLS connection starts with a handshake record, whose first byte is 22. */
const TLS_HANDSHAKE_RECORD = 0x16;
/** A connection that says nothing this long is dropped before it reaches either protocol. */
const FIRST_BYTES_TIMEOUT_MS = 10_000;

/**
 * One port for HTTPS and plain HTTP. Browsers remember HSTS for the host name, not the port, so a
 * device that once used `https://hub:8080` turns a typed `http://hub:8080` into HTTPS by itself;
 * one that does not trust the hub yet gets the install page over plain HTTP on the same address.
 *
 * The returned server is an ordinary HTTP server (Fastify sets its timeouts, closes it, counts
 * its connections); TLS connections are decrypted first and then handed to the same HTTP
 * connection handling, so `request.socket.encrypted` tells the two apart.
 */
export function createDualProtocolServer(handler: RequestListener, tls: HubTls): HttpServer {
  const server = new HttpServer(handler);
  const tlsServer = new TlsServer({ ...TLS_POLICY, ...tls.current(), ALPNProtocols: ['http/1.1'] });
  // A renewed certificate gets a whole new context: the policy must come with it.
  tls.subscribe((credentials) => tlsServer.setSecureContext({ ...TLS_POLICY, ...credentials }));

  // Node's HTTP server handles each connection in its own 'connection' listener: keep it, and
  // feed it plain sockets directly and TLS sockets once their handshake is done.
  const handleHttpConnection = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  const toHttp = (socket: Socket) =>
    handleHttpConnection.forEach((listener) => listener.call(server, socket));
  tlsServer.on('secureConnection', (socket: TLSSocket) => toHttp(socket));
  // Devices that do not trust the CA yet abort handshakes: that is expected, not an error.
  tlsServer.on('tlsClientError', (_error, socket) => socket.destroy());

  server.on('connection', (socket: Socket) => {
    const ignoreEarlyError = () => undefined;
    socket.on('error', ignoreEarlyError);
    socket.setTimeout(FIRST_BYTES_TIMEOUT_MS, () => socket.destroy());
    socket.once('readable', function dispatch() {
      const first = socket.read() as Buffer | null;
      if (first === null) {
        socket.once('readable', dispatch); // not a byte yet (or the peer left): wait
        return;
      }
      socket.setTimeout(0);
      socket.removeListener('error', ignoreEarlyError);
      // Both protocols read what was peeked from the socket's buffer first.
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE_RECORD) {
        socket.allowHalfOpen = false;
        tlsServer.emit('connection', socket);
      } else {
        toHttp(socket);
      }
    });
  });
  return server;
}

import { basename, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../httpErrors';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Revalidate every time (cheap with ETag): the service worker, the page and the manifest decide
// which version of the app a device runs, so a stale copy would pin devices to an old release.
const REVALIDATE = 'no-cache';

/** Vite puts content-hashed files under `assets/`; their names change when their content does. */
function isHashedAsset(filePath: string): boolean {
  return filePath.includes(`${sep}assets${sep}`) && /-[A-Za-z0-9_-]{8,}\.\w+$/.test(basename(filePath));
}

/**
 * Source maps are not built for the app [P43]; one copied into the app folder by hand (a debug
 * build) is still not served: it would hand out the app's source and comments. The file server
 * hands the path over decoded (`.js%2Emap` arrives as `.js.map`).
 */
const isSourceMap = (path: string) => /\.map$/i.test(path);

/** Serves the built PWA, with index.html for any app route so deep links work on first load. */
export async function registerStaticAppRoutes(app: FastifyInstance, deps: { appDir: string }): Promise<void> {
  await app.register(fastifyStatic, {
    root: deps.appDir,
    prefix: '/',
    allowedPath: (path) => !isSourceMap(path),
    cacheControl: false,
    setHeaders: (response, filePath) => {
      response.setHeader('cache-control', isHashedAsset(filePath) ? IMMUTABLE : REVALIDATE);
    },
  });

  app.setNotFoundHandler(async (request, reply) => {
    const isPageNavigation =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '');
    if (isPageNavigation) {
      return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    }
    return sendError(reply, 404, 'not_found', 'No such resource.');
  });
}

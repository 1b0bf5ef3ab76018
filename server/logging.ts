import type { FastifyServerOptions } from 'fastify';

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/**
 * Structured JSON logs that carry no patient data: requests are logged by method, path (never the
 * query string) and status; bodies and headers are never logged; errors by name and code only,
 * because messages from parsers and databases can echo the input they choke on.
 */
export function hubLoggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'siaga-hub' },
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error & { code?: string; statusCode?: number }) => ({
        type: error.name,
        message: '[omitted]',
        // The frames tell us where; the first line repeats the message, so it goes.
        stack: (error.stack ?? '').split('\n').slice(1).join('\n'),
        code: error.code,
        statusCode: error.statusCode,
      }),
    },
  };
}

import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger } from 'pino';

/**
 * Structured JSON logs (pino). One line per request is written by `requestContext` (server/http/request-context.ts):
 * `{reqId, method, path, status, durationMs, userId?}`.
 *
 * Invariant: passwords, session/device tokens, cookies and authorization headers never reach a log line.
 * Request logging only ever logs the path (no query string, no headers, no body); the redaction list below is
 * the second wall for anything a handler logs by mistake.
 */
export const REDACTED_PATHS = [
  'password',
  'token',
  'cookie',
  'authorization',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.tokenHash',
  '*.cookie',
  '*.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  '*.privateKey',
  '*.apiKey',
];

export function createLogger(options: { level: LogLevel }, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

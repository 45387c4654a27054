import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Patient data never goes in: callers log ids, counts and codes only,
 * and these paths are redacted in case a whole object slips through.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'wachtwijzer' },
    redact: {
      paths: ['text', '*.text', 'request.patient', '*.patient', 'password', '*.password', 'authorization', '*.authorization', 'token', '*.token'],
      censor: '[redacted]',
    },
  });
}

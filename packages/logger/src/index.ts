import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Paths that may carry personal data. Any log line that includes a record,
 * a patient or a request body has these values replaced.
 */
export const PHI_REDACT_PATHS = [
  'idNumber', '*.idNumber', '*.*.idNumber', '*.*.*.idNumber',
  'name', '*.name', 'patient.name', '*.patient.name', '*.patient.idNumber',
  'phone', '*.phone', '*.*.phone',
  'address', '*.address', '*.*.address',
  'password', '*.password',
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  'headers.authorization', 'headers.cookie',
  'records', '*.records', 'body.records', 'payload',
  'accessToken', '*.accessToken', 'key', '*.key',
];

export interface LoggerFactoryOptions {
  name: string;
  level?: LoggerOptions['level'];
  /** Where to write; defaults to stdout. Tests pass a stream to inspect lines. */
  destination?: pino.DestinationStream;
}

export function createLogger({ name, level = 'info', destination }: LoggerFactoryOptions): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: PHI_REDACT_PATHS, censor: '[REDACTED]' },
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

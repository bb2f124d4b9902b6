import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/**
 * Structured JSON logs, one logger per process, children per request: on stdout by default; command-line tools
 * whose stdout is their output (extract --json) pass 2 for stderr.
 */
export function createLogger(level: LogLevel, fd: 1 | 2 = 1): Logger {
  return fd === 1
    ? pino({ level, base: { service: 'diplograph' } })
    : pino({ level, base: { service: 'diplograph' } }, pino.destination(2));
}

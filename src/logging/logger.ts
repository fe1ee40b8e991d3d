import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config';

export type { Logger };

/**
 * Structured JSON logs (pino): one line per event, cheap on the hot path.
 * On a terminal (LOG_FORMAT=auto) the same events print as coloured lines;
 * pino-pretty runs as a synchronous stream, not a worker thread, so the last
 * lines before an exit are never lost.
 */
export function createLogger(config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>, isTerminal = process.stdout.isTTY === true): Logger {
  const options = { level: config.logLevel, base: { service: 'habari' } };
  const format = config.logFormat ?? 'auto';
  const human = config.logLevel !== 'silent' && (format === 'pretty' || (format === 'auto' && isTerminal));
  if (!human) return pino(options);
  return pino(options, pretty({ colorize: isTerminal, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' }));
}

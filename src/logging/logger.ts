import pino, { type Logger } from 'pino';
import type { Config } from '../config';

export type { Logger };

/** Structured JSON logs (pino): one line per event, cheap on the hot path. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'habari' } });
}

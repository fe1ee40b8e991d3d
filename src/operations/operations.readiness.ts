import type { DataSource } from 'typeorm';
import type { EventBus } from '../subscriptions/memory.pubsub';

export type CheckResult = 'ok' | 'not configured' | string;

export interface Readiness {
  ready: boolean;
  status: 'ready' | 'draining' | 'unavailable';
  checks: { database: CheckResult; migrations: CheckResult; redis: CheckResult };
}

export interface ReadinessDeps {
  dataSource: DataSource;
  bus: Pick<EventBus<Record<string, unknown>>, 'ping'>;
  draining(): boolean;
  /** A check that takes longer counts as failed: a load balancer must get an answer quickly. */
  timeoutMs?: number;
}

/**
 * `/readyz`: may this instance take traffic? The database answers, no
 * migration is pending (an instance started beside an older schema must not
 * serve), Redis answers when configured, and the instance is not draining.
 * Checks run in parallel, each bounded, and say what failed.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? 2_000;
  const [database, migrations, redis] = await Promise.all([
    bounded(deps.dataSource.query('SELECT 1').then(() => 'ok'), timeoutMs),
    bounded(deps.dataSource.showMigrations().then((pending) => (pending ? 'pending migrations: run `habari migrate`' : 'ok')), timeoutMs),
    deps.bus.ping ? bounded(deps.bus.ping().then(() => 'ok'), timeoutMs) : Promise.resolve('not configured'),
  ]);
  const healthy = [database, migrations, redis].every((check) => check === 'ok' || check === 'not configured');
  const draining = deps.draining();
  return {
    ready: healthy && !draining,
    status: draining ? 'draining' : healthy ? 'ready' : 'unavailable',
    checks: { database, migrations, redis },
  };
}

async function bounded(check: Promise<string>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    // Not the driver's message: /readyz is public, and it would name internal hosts.
    return await Promise.race([check.catch(() => 'not answering'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

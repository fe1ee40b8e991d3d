import { buildApp, type BuildOptions, type HabariApp } from '../../src/app';
import type { DatabaseConfig } from '../../src/config';
import { seedDemoIfEmpty } from '../../src/seeding/demo.seed';
import { createTestDatabase, testConfig } from './test-database';

export interface TestServer {
  app: HabariApp;
  url: string;
  /** POSTs a GraphQL operation with a real HTTP client and returns the parsed response; `key` goes in `Authorization: Bearer`. */
  query<T = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<{ data?: T; errors?: any[]; status: number }>;
  /** Creates an API key through the real service (as `habari keys create` does) and returns it. */
  createKey(role: 'editor' | 'admin', name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  seedDemo?: boolean;
  perLanguage?: number;
  env?: Record<string, string>;
  /** Share another server's database (a second instance); the first server drops it. */
  database?: DatabaseConfig;
  /** Tests drive background work themselves (drainRelatedQueue, feed.prune), so its timers are off unless set here. */
  build?: BuildOptions;
}

let keyCount = 0;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = options.database ? { database: options.database, drop: async () => {} } : await createTestDatabase();
  const config = testConfig(db.database, { SEED_DEMO: options.seedDemo ? 'true' : 'false', ...options.env });
  const app = await buildApp(config, { relatedIndexPollMs: 0, eventPruneEveryMs: 0, topicRetrainCheckMs: 0, ...options.build });
  if (options.seedDemo) {
    await seedDemoIfEmpty(app, { perLanguage: options.perLanguage ?? 25 });
  }
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    async query(query, variables, key) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      return { ...body, status: response.status };
    },
    async createKey(role, name = `${role}-${++keyCount}`) {
      return (await app.services.auth.createKey(name, role)).key;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

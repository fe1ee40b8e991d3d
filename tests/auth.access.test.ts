import WebSocket from 'ws';
import { generateApiKey } from '../src/auth/auth.key';
import { ArticleStatus } from '../src/articles/article.enums';
import { toGlobalId } from '../src/graphql/global-id';
import { articleDraft, createArticles } from './factories/article.factory';
import { articleStamps, tableCounts } from './helpers/db-inspect';
import { startTestServer, type TestServer } from './helpers/test-server';
import { wsClient } from './helpers/ws-client';
import { runOverWs } from './helpers/ws-operation';

const SEED_TEXT = 'SIASA\n\nKichwa cha habari ya majaribio\n\nAya ya kwanza ya habari hii.\n';

/** Every editorial mutation, with arguments that would succeed with the right key. */
function operations(ids: { published: string; draft: string }) {
  const editor = [
    ['createArticle', `mutation { createArticle(input: { language: "sw", title: "Mpya", body: [{ type: PARAGRAPH, text: "Aya." }] }) { id } }`],
    ['updateArticle', `mutation { updateArticle(id: "${ids.published}", version: 1, input: { title: "Kichwa kipya" }) { id } }`],
    ['publishArticle', `mutation { publishArticle(id: "${ids.draft}") { id } }`],
    ['unpublishArticle', `mutation { unpublishArticle(id: "${ids.published}") { id } }`],
    ['archiveArticle', `mutation { archiveArticle(id: "${ids.published}") { id } }`],
    ['upsertCategory', `mutation { upsertCategory(input: { language: "sw", name: "Michezo" }) { id } }`],
    ['upsertSource', `mutation { upsertSource(input: { name: "VOA Swahili", url: "https://www.voaswahili.com" }) { id } }`],
    ['importArticle', `mutation { importArticle(text: ${JSON.stringify(SEED_TEXT)}, language: "sw") { created } }`],
    ['setReadMoreLinks', `mutation { setReadMoreLinks(articleId: "${ids.published}", links: [{ url: "https://example.org/a", title: "A" }]) { id } }`],
  ] as const;
  const admin = [
    ['deleteArticle', `mutation { deleteArticle(id: "${ids.published}") }`],
    ['createApiKey', `mutation { createApiKey(name: "intruder", role: ADMIN) { key } }`],
    ['revokeApiKey', `mutation { revokeApiKey(name: "admin-desk") { name } }`],
    ['articleHistory', `query { articleHistory(id: "${ids.published}") { kind } }`],
    ['apiKeys', `query { apiKeys { name } }`],
  ] as const;
  return { editor, admin, all: [...editor, ...admin] };
}

describe('keys and roles: nothing is written without the right key', () => {
  let server: TestServer;
  let ids: { published: string; draft: string };
  let editorKey: string;
  let adminKey: string;
  let revokedKey: string;
  const unknownKey = generateApiKey();

  /** Everything a refused write could have touched, without last_used_at (bookkeeping of valid keys). */
  const snapshot = async () => {
    const ds = server.app.dataSource;
    return {
      counts: await tableCounts(ds),
      articles: await articleStamps(ds),
      keys: await ds.query('SELECT id, name, role, key_hash, revoked_at FROM api_keys ORDER BY id'),
      categories: await ds.query('SELECT id, name, slug FROM categories ORDER BY id'),
      sources: await ds.query('SELECT id, name, slug, url FROM sources ORDER BY id'),
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const [published, draft] = await createArticles(server.app, [articleDraft(), articleDraft({ status: ArticleStatus.DRAFT })]);
    ids = { published: toGlobalId('Article', published.article.id), draft: toGlobalId('Article', draft.article.id) };
    editorKey = await server.createKey('editor', 'editor-desk');
    adminKey = await server.createKey('admin', 'admin-desk');
    revokedKey = await server.createKey('admin', 'old-admin');
    await server.app.services.auth.revokeKey('old-admin');
  });
  afterAll(() => server.close());

  it('over HTTP: no key is UNAUTHENTICATED/MISSING_KEY, a revoked or unknown key is 401 INVALID_KEY, an editor key on admin operations is FORBIDDEN', async () => {
    const before = await snapshot();
    const ops = operations(ids);
    for (const [name, query] of ops.all) {
      const anonymous = await server.query(query);
      expect([name, anonymous.data?.[name] ?? null, anonymous.errors?.[0].extensions]).toEqual([name, null, expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'MISSING_KEY' })]);
      for (const key of [revokedKey, unknownKey]) {
        const refused = await server.query(query, {}, key);
        expect([name, refused.status, refused.data, refused.errors?.[0].extensions]).toEqual([name, 401, undefined, expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'INVALID_KEY' })]);
      }
    }
    for (const [name, query] of ops.admin) {
      const editor = await server.query(query, {}, editorKey);
      expect([name, editor.data?.[name] ?? null, editor.errors?.[0].extensions]).toEqual([name, null, expect.objectContaining({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED', requiredRole: 'admin' })]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('over WebSocket: no key is UNAUTHENTICATED, a revoked or unknown key closes the socket with 4403, an editor key on admin operations is FORBIDDEN', async () => {
    const before = await snapshot();
    const ops = operations(ids);
    const anonymous = wsClient(server.url);
    const editor = wsClient(server.url, { connectionParams: { authorization: `Bearer ${editorKey}` } });
    try {
      for (const [name, query] of ops.all) {
        const result = await runOverWs(anonymous, query);
        expect([name, result.data?.[name] ?? null, result.errors?.[0].extensions]).toEqual([name, null, expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'MISSING_KEY' })]);
        for (const key of [revokedKey, unknownKey]) {
          const client = wsClient(server.url, { connectionParams: { authorization: `Bearer ${key}` } });
          try {
            expect([name, await runOverWs(client, query)]).toEqual([name, { closeCode: 4403 }]);
          } finally {
            await client.dispose();
          }
        }
      }
      for (const [name, query] of ops.admin) {
        const result = await runOverWs(editor, query);
        expect([name, result.data?.[name] ?? null, result.errors?.[0].extensions]).toEqual([name, null, expect.objectContaining({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' })]);
      }
    } finally {
      await anonymous.dispose();
      await editor.dispose();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a raw graphql-transport-ws client with a rejected key in connection_init is closed with 4403 and never acknowledged', async () => {
    for (const authorization of [`Bearer ${revokedKey}`, `Bearer ${unknownKey}`, 'Bearer not-a-key', unknownKey]) {
      const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      const messages: string[] = [];
      socket.on('message', (data) => messages.push(data.toString()));
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
      const code = await new Promise<number>((resolve) => socket.once('close', (closeCode) => resolve(closeCode)));
      expect([authorization.slice(0, 12), code, messages]).toEqual([authorization.slice(0, 12), 4403, []]);
    }
  });

  it('a wrong key never reads as anonymous: queries with it are refused too', async () => {
    const http = await server.query('{ articles(first: 1) { totalCount } }', {}, unknownKey);
    expect(http.status).toBe(401);
    const malformed = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
    });
    expect(malformed.status).toBe(401);
    expect(malformed.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await malformed.json()) as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_KEY' });
    const anonymous = await server.query('{ articles(first: 1) { totalCount } }');
    expect(anonymous.data.articles.totalCount).toBe(1);
  });

  it('the right keys do write (so the refusals above are not vacuous)', async () => {
    const created = await server.query(operations(ids).editor[0][1], {}, editorKey);
    expect(created.errors).toBeUndefined();
    const client = wsClient(server.url, { connectionParams: { authorization: `Bearer ${adminKey}` } });
    try {
      const result = await runOverWs(client, `query { apiKeys { name role revokedAt } }`);
      expect(result.data.apiKeys.map((k: any) => [k.name, k.role, k.revokedAt != null])).toEqual([
        ['editor-desk', 'EDITOR', false],
        ['admin-desk', 'ADMIN', false],
        ['old-admin', 'ADMIN', true],
      ]);
    } finally {
      await client.dispose();
    }
  });
});

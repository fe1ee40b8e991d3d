/**
 * examples/ holds a typed client generated from schema.graphql and the web
 * reader's operations. Here: the generated code is up to date, the examples
 * type-check, a schema that breaks the reader's operations fails generation,
 * and the client works against a real server (persisted GET, then POST).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { createHabariClient } from '../examples/habari-client';
import { ReaderArticleDocument, ReaderSearchDocument } from '../examples/gql/graphql';
import { readLatest } from '../examples/read-latest';
import { SEED_ARTICLE, SEED_SLUG } from './helpers/seed-article';
import { startTestServer, type TestServer } from './helpers/test-server';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const CODEGEN = path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'esm', 'bin.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
// Under NODE_ENV=test (set by Jest) the codegen CLI prints nothing, not even its validation errors.
const CLI_ENV = { ...process.env, NODE_ENV: 'development' };
// Each CLI run takes 10-30 s on a quiet machine and over a minute on a loaded one.
jest.setTimeout(240_000);

describe('typed client in examples/', () => {
  it('generated code matches schema.graphql and the reader operations (npx graphql-codegen --config examples/codegen.yml)', async () => {
    // --check: exits 1 if any generated file would change.
    await expect(run(process.execPath, [CODEGEN, '--config', 'examples/codegen.yml', '--check'], { cwd: ROOT, env: CLI_ENV })).resolves.toBeDefined();
  });

  it('type-checks, so a schema change that breaks app code fails the suite', async () => {
    await expect(run(process.execPath, [TSC, '-p', 'examples/tsconfig.json', '--noEmit'], { cwd: ROOT, env: CLI_ENV })).resolves.toBeDefined();
  });

  it('fails generation when the schema drops a field the reader uses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-codegen-'));
    try {
      const schema = fs.readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8');
      const broken = schema.replace(/^  readingTime: ReadingTime!\n/m, '');
      expect(broken).not.toBe(schema);
      fs.writeFileSync(path.join(dir, 'schema.graphql'), broken);
      fs.writeFileSync(
        path.join(dir, 'codegen.yml'),
        `schema: ${JSON.stringify(path.join(dir, 'schema.graphql'))}\ndocuments: ${JSON.stringify(path.join(ROOT, 'src/reader/reader.operations.ts'))}\ngenerates:\n  ${JSON.stringify(path.join(dir, 'gql') + '/')}:\n    preset: client\n`,
      );
      const failure = await run(process.execPath, [CODEGEN, '--config', path.join(dir, 'codegen.yml'), '--verbose'], { cwd: ROOT, env: CLI_ENV }).then(
        () => null,
        (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
      );
      expect(failure).toContain('Cannot query field "readingTime" on type "Article"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('against a running server', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ seedDemo: true, perLanguage: 4 });
    });
    afterAll(() => server.close());

    it('sends queries as persisted GETs: registers the document once, then the hash alone', async () => {
      const habari = createHabariClient({ endpoint: `${server.url}/graphql` });
      const first = await habari.request(ReaderArticleDocument, { slug: SEED_SLUG, language: 'sw' });
      expect(habari.lastTransport).toBe('registered');
      expect(first.article?.title).toBe(SEED_ARTICLE.title);
      expect(first.article?.readingTime.text).toBe('2 dk kusoma');
      const second = await habari.request(ReaderArticleDocument, { slug: SEED_SLUG, language: 'sw' });
      expect(habari.lastTransport).toBe('persisted');
      expect(second).toEqual(first);
    });

    it('surfaces API errors with their code and reason', async () => {
      const habari = createHabariClient({ endpoint: `${server.url}/graphql` });
      await expect(habari.request(ReaderSearchDocument, { query: '   ', language: 'sw' })).rejects.toMatchObject({
        name: 'HabariError',
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })],
      });
    });

    it('sends mutations as POST', async () => {
      const habari = createHabariClient({ endpoint: `${server.url}/graphql` });
      const mutation = parse('mutation Import($text: String!) { importArticle(text: $text) { created } }') as TypedDocumentNode<unknown, { text: string }>;
      await expect(habari.request(mutation, { text: 'x' })).rejects.toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] });
      expect(habari.lastTransport).toBe('post');
    });

    it('runs the README example end to end', async () => {
      const { titles, first, hits } = await readLatest(`${server.url}/graphql`, 'sw');
      expect(titles[0]).toBe(SEED_ARTICLE.title);
      expect(first?.body.length).toBe(SEED_ARTICLE.body.length);
      expect(hits).toBeGreaterThan(0);
    });
  });
});

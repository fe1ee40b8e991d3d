/**
 * Example: the newest articles in a language, one of them in full, and a
 * search, fully typed. Run against a local server:
 *   npx tsc -p examples/tsconfig.json && node examples/dist/read-latest.js http://localhost:4000/graphql sw
 */
import { createHabariClient } from './habari-client';
import { ReaderArticleDocument, ReaderHomeDocument, ReaderSearchDocument, type ReaderArticleQuery } from './gql/graphql';

export async function readLatest(endpoint: string, language: string): Promise<{ titles: string[]; first: ReaderArticleQuery['article']; hits: number }> {
  const habari = createHabariClient({ endpoint });
  const home = await habari.request(ReaderHomeDocument, { language });
  const titles = home.latest.edges.map((edge) => edge.node.title);
  const newest = home.latest.edges[0]?.node;
  // The public URL ends in /{language}/{category}/{slug}: the slug is its last segment.
  const slug = newest ? decodeURIComponent(new URL(newest.url).pathname.split('/').pop() ?? '') : '';
  const { article } = await habari.request(ReaderArticleDocument, { slug, language });
  const words = article?.title.split(/\s+/).slice(0, 2).join(' ') ?? '';
  const { search } = await habari.request(ReaderSearchDocument, { query: words, language });
  return { titles, first: article, hits: search.totalCount };
}

if (require.main === module) {
  const [endpoint = 'http://localhost:4000/graphql', language = 'sw'] = process.argv.slice(2);
  readLatest(endpoint, language).then(
    ({ titles, first, hits }) => {
      console.log(titles.join('\n'));
      console.log(`\n${first?.title} (${first?.publishedAtText}, ${first?.readingTime.text}): ${first?.body.length} blocks; ${hits} search hits`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

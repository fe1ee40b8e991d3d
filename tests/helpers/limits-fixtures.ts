import fs from 'node:fs';
import path from 'node:path';

/** The query: 100 aliases of 100 articles with bodies, related and read more (52 MB, 960 MB RSS before limits). */
export const ALIAS_BOMB = `{ ${Array.from(
  { length: 100 },
  (_, i) => `a${i}: articles(first: 100) { edges { node { body { text } related(first: 12) { article { title } } readMore(first: 10) { title } } } }`,
).join(' ')} }`;

/** Every ```graphql block of the README, so documented queries can never be refused by the limits. */
export function readmeOperations(): string[] {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
}

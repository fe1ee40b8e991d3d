import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { operationCost } from './query-cost';

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) => operationCost(schema, parse(query), operationName, variables);

describe('operationCost', () => {
  it.each([
    ['a default page: 20 x (connection + edge + node)', '{ articles { edges { node { title } } } }', 60],
    ['first counts', '{ articles(first: 5) { edges { node { title } } } }', 15],
    ['last counts like first', '{ articles(last: 7) { edges { node { id } } } }', 21],
    ['past the maximum counts as the maximum (the resolver refuses it)', '{ articles(first: 1000) { edges { node { id } } } }', 300],
    ['scalars and __typename are free', '{ __typename categories(language: "sw") { slug name } }', 50],
    ['related multiplies what is under it', '{ article(slug: "x", language: "sw") { related(first: 12) { article { title } } } }', 25],
    ['default related and readMore sizes', '{ article(slug: "x", language: "sw") { related { score } readMore { title } } }', 9],
    ['a body weighs 20 blocks, as blocks or as text', '{ article(id: "x") { body { text } bodyText } }', 41],
    ['nested lists multiply', '{ articles(first: 10) { edges { node { category { articles(first: 10) { totalCount } } } } } }', 10 * (1 + 1 + 1 + 1 + 10)],
    ['search has its own default', '{ search(query: "x") { edges { node { article { title } } } } }', 40],
    ['fragments count where they are spread', '{ a: article(id: "1") { ...F } b: article(id: "2") { ...F } } fragment F on Article { related(first: 2) { score } }', 2 * (1 + 2)],
    ['inline fragments count', '{ node(id: "x") { ... on Article { body { text } } } }', 21],
    ['introspection is held elsewhere', '{ __schema { types { name fields { name } } } }', 0],
  ])('%s', (_, query, expected) => {
    expect(cost(query).cost).toBe(expected);
  });

  it('reads `first` from variables, then the variable default, then the field default', () => {
    const query = 'query Page($n: Int = 10) { articles(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 100 })).toEqual({ cost: 300, usesVariables: true });
    expect(cost(query, {}).cost).toBe(30);
    expect(cost(query, { n: null }).cost).toBe(60);
    expect(cost('query($n: Int) { articles(first: $n) { edges { node { id } } } }').cost).toBe(60);
    expect(cost('{ articles(first: 3) { totalCount } }').usesVariables).toBe(false);
  });

  it('costs the named operation only', () => {
    const doc = 'query A { articles(first: 1) { totalCount } } query B { articles(first: 2) { totalCount } }';
    expect(cost(doc, {}, 'B').cost).toBe(2);
    expect(cost(doc, {}, 'A').cost).toBe(1);
    expect(cost(doc, {}).cost).toBe(0);
  });

  it('stops at a fragment cycle instead of recursing', () => {
    expect(cost('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }').cost).toBe(0);
    expect(cost('{ articles { ...E } } fragment E on ArticleConnection { edges { node { ...N } } } fragment N on Article { related { article { ...N } } }').cost).toBeGreaterThan(0);
  });

  it('prices the issue\'s 100 aliases of 100 articles with bodies, related and read more at 570,000', () => {
    const alias = (i: number) => `a${i}: articles(first: 100) { edges { node { body { text } related(first: 12) { article { title } } readMore(first: 10) { title } } } }`;
    expect(cost(`{ ${Array.from({ length: 100 }, (_, i) => alias(i)).join(' ')} }`).cost).toBe(570_000);
  });
});

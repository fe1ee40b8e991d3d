/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ReaderArticleCard on Article {\n    title\n    url\n    language\n    publishedAt\n    publishedAtText\n    readingTime {\n      text\n    }\n  }\n": typeof types.ReaderArticleCardFragmentDoc,
    "\n  query ReaderHome($language: String!) {\n    latest: articles(first: 6, filter: { language: $language }) {\n      edges {\n        node {\n          ...ReaderArticleCard\n          standfirst\n        }\n      }\n    }\n    categories(language: $language) {\n      name\n      slug\n      articles(first: 3) {\n        edges {\n          node {\n            ...ReaderArticleCard\n          }\n        }\n      }\n    }\n  }\n  \n": typeof types.ReaderHomeDocument,
    "\n  query ReaderCategory($slug: String!, $language: String!, $after: String) {\n    category(slug: $slug, language: $language) {\n      name\n      slug\n      language\n      articles(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReaderArticleCard\n            standfirst\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n  \n": typeof types.ReaderCategoryDocument,
    "\n  query ReaderArticle($slug: String!, $language: String!) {\n    article(slug: $slug, language: $language) {\n      title\n      standfirst\n      url\n      language\n      publishedAt\n      publishedAtText\n      readingTime {\n        text\n      }\n      category {\n        name\n        slug\n      }\n      source {\n        name\n        url\n      }\n      leadImage {\n        url\n        alt\n        caption\n        credit\n        width\n        height\n      }\n      body {\n        type\n        text\n      }\n      readMore(first: 3) {\n        kind\n        title\n        url\n      }\n      related(first: 4) {\n        article {\n          ...ReaderArticleCard\n        }\n      }\n      next {\n        title\n        url\n      }\n      previous {\n        title\n        url\n      }\n    }\n  }\n  \n": typeof types.ReaderArticleDocument,
    "\n  query ReaderSearch($query: String!, $language: String!, $after: String) {\n    search(query: $query, language: $language, filter: { language: $language }, first: 10, after: $after) {\n      totalCount\n      edges {\n        node {\n          snippet\n          article {\n            ...ReaderArticleCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  \n": typeof types.ReaderSearchDocument,
    "\n  subscription ReaderArticlePublished($language: String!) {\n    articlePublished(filter: { language: $language }) {\n      cursor\n      article {\n        title\n        url\n        language\n      }\n    }\n  }\n": typeof types.ReaderArticlePublishedDocument,
};
const documents: Documents = {
    "\n  fragment ReaderArticleCard on Article {\n    title\n    url\n    language\n    publishedAt\n    publishedAtText\n    readingTime {\n      text\n    }\n  }\n": types.ReaderArticleCardFragmentDoc,
    "\n  query ReaderHome($language: String!) {\n    latest: articles(first: 6, filter: { language: $language }) {\n      edges {\n        node {\n          ...ReaderArticleCard\n          standfirst\n        }\n      }\n    }\n    categories(language: $language) {\n      name\n      slug\n      articles(first: 3) {\n        edges {\n          node {\n            ...ReaderArticleCard\n          }\n        }\n      }\n    }\n  }\n  \n": types.ReaderHomeDocument,
    "\n  query ReaderCategory($slug: String!, $language: String!, $after: String) {\n    category(slug: $slug, language: $language) {\n      name\n      slug\n      language\n      articles(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReaderArticleCard\n            standfirst\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n  \n": types.ReaderCategoryDocument,
    "\n  query ReaderArticle($slug: String!, $language: String!) {\n    article(slug: $slug, language: $language) {\n      title\n      standfirst\n      url\n      language\n      publishedAt\n      publishedAtText\n      readingTime {\n        text\n      }\n      category {\n        name\n        slug\n      }\n      source {\n        name\n        url\n      }\n      leadImage {\n        url\n        alt\n        caption\n        credit\n        width\n        height\n      }\n      body {\n        type\n        text\n      }\n      readMore(first: 3) {\n        kind\n        title\n        url\n      }\n      related(first: 4) {\n        article {\n          ...ReaderArticleCard\n        }\n      }\n      next {\n        title\n        url\n      }\n      previous {\n        title\n        url\n      }\n    }\n  }\n  \n": types.ReaderArticleDocument,
    "\n  query ReaderSearch($query: String!, $language: String!, $after: String) {\n    search(query: $query, language: $language, filter: { language: $language }, first: 10, after: $after) {\n      totalCount\n      edges {\n        node {\n          snippet\n          article {\n            ...ReaderArticleCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  \n": types.ReaderSearchDocument,
    "\n  subscription ReaderArticlePublished($language: String!) {\n    articlePublished(filter: { language: $language }) {\n      cursor\n      article {\n        title\n        url\n        language\n      }\n    }\n  }\n": types.ReaderArticlePublishedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReaderArticleCard on Article {\n    title\n    url\n    language\n    publishedAt\n    publishedAtText\n    readingTime {\n      text\n    }\n  }\n"): (typeof documents)["\n  fragment ReaderArticleCard on Article {\n    title\n    url\n    language\n    publishedAt\n    publishedAtText\n    readingTime {\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderHome($language: String!) {\n    latest: articles(first: 6, filter: { language: $language }) {\n      edges {\n        node {\n          ...ReaderArticleCard\n          standfirst\n        }\n      }\n    }\n    categories(language: $language) {\n      name\n      slug\n      articles(first: 3) {\n        edges {\n          node {\n            ...ReaderArticleCard\n          }\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query ReaderHome($language: String!) {\n    latest: articles(first: 6, filter: { language: $language }) {\n      edges {\n        node {\n          ...ReaderArticleCard\n          standfirst\n        }\n      }\n    }\n    categories(language: $language) {\n      name\n      slug\n      articles(first: 3) {\n        edges {\n          node {\n            ...ReaderArticleCard\n          }\n        }\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderCategory($slug: String!, $language: String!, $after: String) {\n    category(slug: $slug, language: $language) {\n      name\n      slug\n      language\n      articles(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReaderArticleCard\n            standfirst\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query ReaderCategory($slug: String!, $language: String!, $after: String) {\n    category(slug: $slug, language: $language) {\n      name\n      slug\n      language\n      articles(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReaderArticleCard\n            standfirst\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderArticle($slug: String!, $language: String!) {\n    article(slug: $slug, language: $language) {\n      title\n      standfirst\n      url\n      language\n      publishedAt\n      publishedAtText\n      readingTime {\n        text\n      }\n      category {\n        name\n        slug\n      }\n      source {\n        name\n        url\n      }\n      leadImage {\n        url\n        alt\n        caption\n        credit\n        width\n        height\n      }\n      body {\n        type\n        text\n      }\n      readMore(first: 3) {\n        kind\n        title\n        url\n      }\n      related(first: 4) {\n        article {\n          ...ReaderArticleCard\n        }\n      }\n      next {\n        title\n        url\n      }\n      previous {\n        title\n        url\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query ReaderArticle($slug: String!, $language: String!) {\n    article(slug: $slug, language: $language) {\n      title\n      standfirst\n      url\n      language\n      publishedAt\n      publishedAtText\n      readingTime {\n        text\n      }\n      category {\n        name\n        slug\n      }\n      source {\n        name\n        url\n      }\n      leadImage {\n        url\n        alt\n        caption\n        credit\n        width\n        height\n      }\n      body {\n        type\n        text\n      }\n      readMore(first: 3) {\n        kind\n        title\n        url\n      }\n      related(first: 4) {\n        article {\n          ...ReaderArticleCard\n        }\n      }\n      next {\n        title\n        url\n      }\n      previous {\n        title\n        url\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderSearch($query: String!, $language: String!, $after: String) {\n    search(query: $query, language: $language, filter: { language: $language }, first: 10, after: $after) {\n      totalCount\n      edges {\n        node {\n          snippet\n          article {\n            ...ReaderArticleCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query ReaderSearch($query: String!, $language: String!, $after: String) {\n    search(query: $query, language: $language, filter: { language: $language }, first: 10, after: $after) {\n      totalCount\n      edges {\n        node {\n          snippet\n          article {\n            ...ReaderArticleCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReaderArticlePublished($language: String!) {\n    articlePublished(filter: { language: $language }) {\n      cursor\n      article {\n        title\n        url\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReaderArticlePublished($language: String!) {\n    articlePublished(filter: { language: $language }) {\n      cursor\n      article {\n        title\n        url\n        language\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
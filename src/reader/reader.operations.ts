/**
 * Every GraphQL operation the web reader sends, in one place. The server
 * renders pages by executing these in-process; examples/ generates its typed
 * client from this very file (GraphQL Code Generator reads the strings marked
 * with the GraphQL comment), so a schema change that breaks the reader also
 * breaks the typed client's type check.
 */

const ARTICLE_CARD = /* GraphQL */ `
  fragment ReaderArticleCard on Article {
    title
    url
    language
    publishedAt
    publishedAtText
    readingTime {
      text
    }
  }
`;

export const READER_HOME = /* GraphQL */ `
  query ReaderHome($language: String!) {
    latest: articles(first: 6, filter: { language: $language }) {
      edges {
        node {
          ...ReaderArticleCard
          standfirst
        }
      }
    }
    categories(language: $language) {
      name
      slug
      articles(first: 3) {
        edges {
          node {
            ...ReaderArticleCard
          }
        }
      }
    }
  }
  ${ARTICLE_CARD}
`;

export const READER_CATEGORY = /* GraphQL */ `
  query ReaderCategory($slug: String!, $language: String!, $after: String) {
    category(slug: $slug, language: $language) {
      name
      slug
      language
      articles(first: 20, after: $after) {
        totalCount
        edges {
          node {
            ...ReaderArticleCard
            standfirst
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
  ${ARTICLE_CARD}
`;

export const READER_ARTICLE = /* GraphQL */ `
  query ReaderArticle($slug: String!, $language: String!) {
    article(slug: $slug, language: $language) {
      title
      standfirst
      url
      language
      publishedAt
      publishedAtText
      readingTime {
        text
      }
      category {
        name
        slug
      }
      source {
        name
        url
      }
      leadImage {
        url
        alt
        caption
        credit
        width
        height
      }
      body {
        type
        text
      }
      readMore(first: 3) {
        kind
        title
        url
      }
      related(first: 4) {
        article {
          ...ReaderArticleCard
        }
      }
      next {
        title
        url
      }
      previous {
        title
        url
      }
    }
  }
  ${ARTICLE_CARD}
`;

export const READER_SEARCH = /* GraphQL */ `
  query ReaderSearch($query: String!, $language: String!, $after: String) {
    search(query: $query, language: $language, filter: { language: $language }, first: 10, after: $after) {
      totalCount
      edges {
        node {
          snippet
          article {
            ...ReaderArticleCard
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${ARTICLE_CARD}
`;

/** Sent by the live banner's script from the browser, over graphql-ws. */
export const READER_ARTICLE_PUBLISHED = /* GraphQL */ `
  subscription ReaderArticlePublished($language: String!) {
    articlePublished(filter: { language: $language }) {
      cursor
      article {
        title
        url
        language
      }
    }
  }
`;

/** The operations the server executes, by name. */
export const READER_QUERIES = {
  ReaderHome: READER_HOME,
  ReaderCategory: READER_CATEGORY,
  ReaderArticle: READER_ARTICLE,
  ReaderSearch: READER_SEARCH,
} as const;

export type ReaderQueryName = keyof typeof READER_QUERIES;

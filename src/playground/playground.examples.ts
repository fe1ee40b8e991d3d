/**
 * The operations the playground opens with, one tab each (first tab active).
 * Edit freely: they are plain GraphQL documents, sent to the browser as data.
 */
export interface PlaygroundExample {
  readonly query: string;
  readonly variables?: string;
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    query: `# Latest Swahili articles, newest first
query LatestSwahili {
  articles(first: 10, filter: { language: "sw" }) {
    totalCount
    edges {
      cursor
      node {
        id
        title
        publishedAtText(style: LONG)
        readingTime { minutes text }
        category { name }
        source { name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    query: `# One article by its slug, with its body blocks
query SeedArticle {
  article(slug: "hamas-ina-matumaini-juu-ya-kusitisha-mapigano-israeli-inahujumu-kalin", language: "sw") {
    title
    standfirst
    publishedAtText(style: LONG)
    readingTime { text }
    category { name slug }
    source { name url }
    leadImage { url caption credit }
    body { type text }
  }
}
`,
  },
  {
    query: `# Categories with their Swahili names
query Categories {
  categories(language: "sw") {
    slug
    name
  }
}
`,
  },
];

/** The list every app screen starts with: the 20 newest articles with category, source and lead image. */
export const LIST_QUERY = `{
  articles(first: 20) {
    edges { node {
      id title slug language standfirst publishedAt readingTimeMinutes
      category { name slug }
      source { name }
      leadImage { url caption credit }
    } }
  }
}`;

import { registerEnumType } from 'type-graphql';

export enum ArticleStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ArticleStatus, { name: 'ArticleStatus', description: 'Only PUBLISHED articles are visible to the public.' });

/** Whether an article (any row with a status; none at all is not) is visible to the public. */
export function isPublished<T extends { status: string }>(article: T | null | undefined): article is T {
  return article?.status === ArticleStatus.PUBLISHED;
}

export enum BodyBlockKind {
  PARAGRAPH = 'PARAGRAPH',
  SUBHEADING = 'SUBHEADING',
  QUOTE = 'QUOTE',
}
registerEnumType(BodyBlockKind, { name: 'BodyBlockType' });

export enum DateStyle {
  LONG = 'LONG',
  SHORT = 'SHORT',
}
registerEnumType(DateStyle, { name: 'DateStyle', description: 'LONG: "13 Septemba 2024"; SHORT: "13 Sep 2024".' });

export enum ArticleOrder {
  PUBLISHED_AT_DESC = 'PUBLISHED_AT_DESC',
  PUBLISHED_AT_ASC = 'PUBLISHED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(ArticleOrder, { name: 'ArticleOrder', description: 'Newest first by default.' });

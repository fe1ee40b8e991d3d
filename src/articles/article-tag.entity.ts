import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per (article, tag): lets `filter: { tag }` use an index instead of scanning JSON. */
@Entity('article_tags')
@Index('ix_article_tags_tag', ['tag', 'articleId'])
export class ArticleTag {
  @PrimaryColumn({ name: 'article_id', type: 'integer' })
  articleId: number;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  tag: string;
}

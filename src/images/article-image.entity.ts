import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Inline images of an article, in reading order. */
@Entity('article_images')
@Index('ix_article_images_image', ['imageId'])
export class ArticleImage {
  @PrimaryColumn({ name: 'article_id', type: 'integer' })
  articleId: number;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ name: 'image_id', type: 'integer' })
  imageId: number;
}

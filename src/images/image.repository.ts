import type { DataSource } from 'typeorm';
import { marks, runSql } from '../db/sql';
import { ArticleImage } from './article-image.entity';
import { Image } from './image.entity';

export class ImageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The per-request loader's read: hand-written SQL, as every list page runs it (see db/sql.ts). */
  async findByIds(ids: readonly number[]): Promise<Image[]> {
    if (!ids.length) return [];
    const rows = await runSql<Image>(
      this.dataSource,
      `SELECT id, url, caption, credit, alt, width, height FROM images WHERE id IN (${marks(ids.length)})`,
      [...ids],
    );
    return rows.map((row) => Object.assign(new Image(), { ...row, id: Number(row.id) }));
  }

  /** Inline images for many articles in one statement, in reading order. */
  async findInlineByArticleIds(articleIds: readonly number[]): Promise<Array<{ articleId: number; image: Image }>> {
    const links = await this.dataSource
      .getRepository(ArticleImage)
      .createQueryBuilder('l')
      .where('l.article_id IN (:...ids)', { ids: [...articleIds] })
      .orderBy('l.article_id')
      .addOrderBy('l.position')
      .getMany();
    if (!links.length) return [];
    const images = new Map((await this.findByIds([...new Set(links.map((l) => l.imageId))])).map((i) => [i.id, i]));
    return links.flatMap((l) => {
      const image = images.get(l.imageId);
      return image ? [{ articleId: l.articleId, image }] : [];
    });
  }
}

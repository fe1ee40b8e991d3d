import type { DataSource, EntityManager } from 'typeorm';
import { Category } from '../categories/category.entity';
import { ArticleImage } from '../images/article-image.entity';
import { Image } from '../images/image.entity';
import { Source } from '../sources/source.entity';
import type { ImageDraft } from './article.draft';
import { Article } from './article.entity';
import { ArticleTag } from './article-tag.entity';

/** Opens write transactions. All article writes go through a WriteTx. */
export class ArticleWriteRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new WriteTx(manager)));
  }
}

/** The statements of one write transaction; nested units run in savepoints. */
export class WriteTx {
  constructor(readonly manager: EntityManager) {}

  /** Runs `work` in a savepoint: if it throws, only its own writes are undone. */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.manager.queryRunner;
    if (!runner) throw new Error('savepoint() needs a transaction-bound manager');
    await runner.startTransaction();
    try {
      const result = await work();
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  findByCanonicalUrl(url: string): Promise<Article | null> {
    return this.manager.findOne(Article, { where: { canonicalUrl: url } });
  }

  findByContentHash(language: string, contentHash: string): Promise<Article | null> {
    return this.manager.findOne(Article, { where: { language, contentHash }, order: { id: 'ASC' } });
  }

  async slugTaken(language: string, slug: string, exceptId: number | null): Promise<boolean> {
    const row = await this.manager.findOne(Article, { where: { language, slug }, select: { id: true } });
    return row != null && row.id !== exceptId;
  }

  async categoryId(language: string, slug: string, name: string): Promise<number> {
    const existing = await this.manager.findOne(Category, { where: { language, slug }, select: { id: true } });
    if (existing) return existing.id;
    const result = await this.manager.insert(Category, { language, slug, name });
    return result.identifiers[0].id as number;
  }

  async sourceId(slug: string, name: string, url: string | null): Promise<number> {
    const existing = await this.manager.findOne(Source, { where: { slug }, select: { id: true } });
    if (existing) return existing.id;
    const result = await this.manager.insert(Source, { slug, name, url });
    return result.identifiers[0].id as number;
  }

  async insertImage(image: ImageDraft): Promise<number> {
    const result = await this.manager.insert(Image, {
      url: image.url ?? null,
      caption: image.caption ?? null,
      credit: image.credit ?? null,
      alt: image.alt ?? null,
      width: image.width ?? null,
      height: image.height ?? null,
    });
    return result.identifiers[0].id as number;
  }

  async insertArticle(values: Partial<Article>): Promise<number> {
    const result = await this.manager.insert(Article, { ...values, version: 1 });
    return result.identifiers[0].id as number;
  }

  async updateArticle(id: number, values: Partial<Article>, version: number): Promise<void> {
    await this.manager.update(Article, { id }, { ...values, version: version + 1 });
  }

  findArticle(id: number): Promise<Article> {
    return this.manager.findOneOrFail(Article, { where: { id } });
  }

  /** Removes an article's images (lead and inline); they belong to that article only. */
  async removeImagesOf(article: Article): Promise<void> {
    const links = await this.manager.find(ArticleImage, { where: { articleId: article.id } });
    await this.manager.delete(ArticleImage, { articleId: article.id });
    const imageIds = links.map((l) => l.imageId);
    if (article.leadImageId != null) {
      await this.manager.update(Article, { id: article.id }, { leadImageId: null });
      imageIds.push(article.leadImageId);
    }
    if (imageIds.length) await this.manager.delete(Image, imageIds);
  }

  async insertInlineImages(articleId: number, imageIds: number[]): Promise<void> {
    if (!imageIds.length) return;
    await this.manager.insert(ArticleImage, imageIds.map((imageId, position) => ({ articleId, imageId, position })));
  }

  async replaceTags(articleId: number, tags: string[]): Promise<void> {
    await this.manager.delete(ArticleTag, { articleId });
    if (tags.length) await this.manager.insert(ArticleTag, tags.map((tag) => ({ articleId, tag })));
  }
}

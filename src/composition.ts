import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { ArticleRepository } from './articles/article.repository';
import { ArticleService } from './articles/article.service';
import { ArticleWriteRepository } from './articles/article-write.repository';
import { ArticleWriteService } from './articles/article-write.service';
import { ImportService } from './importing/import.service';
import { CategoryRepository } from './categories/category.repository';
import { CategoryService } from './categories/category.service';
import { ImageRepository } from './images/image.repository';
import { SourceRepository } from './sources/source.repository';
import { SourceService } from './sources/source.service';

/** The composition root: every repository and service, wired once per process. */
export function createRepositories(dataSource: DataSource) {
  return {
    articles: new ArticleRepository(dataSource),
    categories: new CategoryRepository(dataSource),
    sources: new SourceRepository(dataSource),
    images: new ImageRepository(dataSource),
    writes: new ArticleWriteRepository(dataSource),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export function createServices(repositories: Repositories, _config: Config) {
  const writer = new ArticleWriteService();
  return {
    articles: new ArticleService(repositories.articles),
    writer,
    importer: new ImportService(repositories.writes, writer),
    categories: new CategoryService(repositories.categories),
    sources: new SourceService(repositories.sources),
  };
}
export type Services = ReturnType<typeof createServices>;

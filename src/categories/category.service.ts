import { assertLanguage } from '../languages/language.catalogue';
import type { Category } from './category.entity';
import type { CategoryRepository } from './category.repository';

export class CategoryService {
  constructor(private readonly categories: CategoryRepository) {}

  list(language: string | null | undefined): Promise<Category[]> {
    assertLanguage(language);
    return this.categories.findWithPublished(language ?? null);
  }

  findBySlug(slug: string, language: string): Promise<Category | null> {
    assertLanguage(language);
    return this.categories.findBySlug(slug, language);
  }
}

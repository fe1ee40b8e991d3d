import type { Source } from './source.entity';
import type { SourceRepository } from './source.repository';

export class SourceService {
  constructor(private readonly sources: SourceRepository) {}

  list(): Promise<Source[]> {
    return this.sources.findAll();
  }

  findBySlug(slug: string): Promise<Source | null> {
    return this.sources.findBySlug(slug);
  }
}

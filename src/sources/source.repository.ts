import { In, type DataSource } from 'typeorm';
import { Source } from './source.entity';

export class SourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByIds(ids: readonly number[]): Promise<Source[]> {
    return this.dataSource.getRepository(Source).find({ where: { id: In([...ids]) } });
  }

  findAll(): Promise<Source[]> {
    return this.dataSource.getRepository(Source).find({ order: { name: 'ASC' } });
  }

  findBySlug(slug: string): Promise<Source | null> {
    return this.dataSource.getRepository(Source).findOne({ where: { slug } });
  }
}

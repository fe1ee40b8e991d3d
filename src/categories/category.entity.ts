import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';

@Entity('categories')
@Index('uq_categories_language_slug', ['language', 'slug'], { unique: true })
@ObjectType({ implements: Node, description: 'A section of the newsroom, per language (e.g. Uturuki, Siasa).' })
export class Category extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'URL-safe name, unique within the language.' })
  @Column({ type: 'varchar', length: 200 })
  slug: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'BCP 47 language code, e.g. sw.' })
  @Column({ type: 'varchar', length: 35 })
  language: string;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';

@Entity('sources')
@ObjectType({ implements: Node, description: 'Who published the story first (e.g. TRT World, BBC Swahili).' })
export class Source extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200, unique: true })
  slug: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;
}

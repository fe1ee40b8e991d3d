import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.interface';

@Entity('images')
@ObjectType({ implements: Node, description: 'A picture with its caption and credit, as printed under it.' })
export class Image extends Node {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { nullable: true, description: 'Null when the page text named no file (captions imported from page text).' })
  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  caption: string | null;

  @Field(() => String, { nullable: true, description: 'Photographer or agency, e.g. "Jalada la AA / Others".' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  credit: string | null;

  @Field(() => String, { nullable: true, description: 'Text alternative for screen readers.' })
  @Column({ type: 'text', nullable: true })
  alt: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  height: number | null;
}

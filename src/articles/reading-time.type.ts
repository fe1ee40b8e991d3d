import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Reading time, printed the way the article\'s language prints it.' })
export class ReadingTime {
  @Field(() => Int)
  minutes: number;

  @Field({ description: 'e.g. "2 dk kusoma" (sw), "2 min read" (en).' })
  text: string;
}

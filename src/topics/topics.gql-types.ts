import { Field, Float, ObjectType } from 'type-graphql';
import { Category } from '../categories/category.entity';

@ObjectType({ description: "A category the language's topic model finds likely for an article that has none. Only a suggestion: nothing is assigned." })
export class CategorySuggestion {
  @Field(() => Category)
  category: Category;

  @Field(() => Float, { description: "The model's probability that the article belongs here (0 to 1; a language's suggestions sum to 1)." })
  confidence: number;
}

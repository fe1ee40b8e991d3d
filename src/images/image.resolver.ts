import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id';
import { Image } from './image.entity';

@Resolver(() => Image)
export class ImageResolver {
  @FieldResolver(() => ID)
  id(@Root() image: Image): string {
    return toGlobalId('Image', image.id);
  }
}

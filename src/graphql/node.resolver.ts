import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Errors } from '../errors/error.catalogue';
import type { GraphQLContext } from './context';
import { fromGlobalId } from './global-id';
import { Node } from './node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist or is not public.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) throw Errors.invalidGlobalId(id);
    switch (decoded.type) {
      case 'Article':
        return loaders.article.load(decoded.id);
      case 'Category':
        return loaders.category.load(decoded.id);
      case 'Source':
        return loaders.source.load(decoded.id);
      case 'Image':
        return loaders.image.load(decoded.id);
    }
  }
}

import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { requireAdmin } from './auth.guards';
import { ApiKey, CreatedApiKey } from './auth.gql-types';
import { Role } from './auth.types';

@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'Every API key, revoked ones too (admins only).' })
  apiKeys(@Ctx() context: GraphQLContext): Promise<ApiKey[]> {
    requireAdmin(context);
    return context.services.auth.listKeys();
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates a key (admins only). The key is in the answer once; only its hash is stored.' })
  async createApiKey(@Arg('name') name: string, @Arg('role', () => Role) role: Role, @Ctx() context: GraphQLContext): Promise<CreatedApiKey> {
    requireAdmin(context);
    const { key, record } = await context.services.auth.createKey(name, role);
    return { key, apiKey: record };
  }

  @Mutation(() => ApiKey, { description: 'Revokes the active key with this name (admins only); requests with it are refused from now on.' })
  revokeApiKey(@Arg('name') name: string, @Ctx() context: GraphQLContext): Promise<ApiKey> {
    requireAdmin(context);
    return context.services.auth.revokeKey(name);
  }
}

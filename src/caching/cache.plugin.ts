import type { ApolloServerPlugin } from '@apollo/server';
import type { CacheScopeHolder } from './cache.scope';

/** Tells the request's CacheScope which operation ran and whether its answer holds errors. */
export const cacheScopePlugin: ApolloServerPlugin<CacheScopeHolder> = {
  async requestDidStart({ contextValue }) {
    const scope = contextValue.cacheScope;
    if (!scope) return;
    return {
      async didResolveOperation({ operation }) {
        scope.operation = operation?.operation ?? null;
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) scope.failed = true;
      },
    };
  },
};

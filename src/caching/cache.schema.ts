import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { fromGlobalId } from '../graphql/global-id';
import { scopeTag, type Scope } from './cache.tags';
import type { CacheScopeHolder } from './cache.scope';

type Resolver = GraphQLFieldResolver<any, CacheScopeHolder, any>;
type Recorder = (scope: NonNullable<CacheScopeHolder['cacheScope']>, root: any, args: any, result: unknown) => void;

/** Types whose objects tag an entry by id (every field of them records its root). */
const OBJECT_TYPES: Record<string, string> = { Article: 'article', Category: 'category', Source: 'source', Image: 'image' };

const filterScope = (filter: Scope | null | undefined, language?: string | null): Scope => ({
  language: language ?? filter?.language,
  categorySlug: filter?.categorySlug,
  sourceSlug: filter?.sourceSlug,
});

/**
 * Fields that read a list or look something up: what they depend on beyond
 * the objects they return. Run after the field resolved (`result` is what it
 * returned), so a lookup that found nothing can say so.
 */
const FIELD_RULES: Record<string, Record<string, Recorder>> = {
  Query: {
    articles: (s, _r, args) => s.tags.add(scopeTag('list', filterScope(args.filter))),
    search: (s, _r, args) => s.tags.add(scopeTag('search', filterScope(args.filter, args.language))),
    changes: (s, _r, args) => {
      s.tags.add(scopeTag('changes', filterScope(args.filter)));
      // Pruning old events changes what an old cursor gets (CURSOR_EXPIRED) without any event.
      s.timeBound = true;
    },
    categories: (s, _r, args) => s.tags.add(`categories:${args.language || '*'}`),
    sources: (s) => s.tags.add('sources'),
    article: (s, _r, args, result) => {
      const id = args.id != null ? fromGlobalId(String(args.id)) : null;
      if (id) s.tags.add(`article:${id.id}`);
      else if (result == null) s.tags.add(`lookup:${args.language || '*'}`);
    },
    node: (s, _r, args, result) => {
      const id = fromGlobalId(String(args.id));
      if (id?.type === 'Article') s.tags.add(`article:${id.id}`);
      else if (result == null) s.tags.add('lookup:node');
    },
    category: (s, _r, _a, result) => {
      if (result == null) s.tags.add('lookup:category');
    },
    source: (s, _r, _a, result) => {
      if (result == null) s.tags.add('lookup:source');
    },
  },
  Category: {
    articles: (s, root) => s.tags.add(scopeTag('list', { language: root.language, categorySlug: root.slug })),
  },
  Source: {
    articles: (s, root, args) => s.tags.add(scopeTag('list', { language: args.language, sourceSlug: root.slug })),
  },
  Article: {
    related: (s, root) => {
      s.tags.add(`related:${root.language}`);
      s.tags.add('related:*');
      s.timeBound = true;
    },
    // Curated links, related, then the latest in its category and language: any change in its language may reorder them.
    readMore: (s, root) => {
      s.tags.add(`related:${root.language}`);
      s.tags.add('related:*');
      s.tags.add(scopeTag('list', { language: root.language }));
      s.timeBound = true;
    },
    next: (s, root) => s.tags.add(scopeTag('list', { language: root.language })),
    previous: (s, root) => s.tags.add(scopeTag('list', { language: root.language })),
  },
};

/**
 * Wraps the schema's resolvers so that an operation records what it read
 * into `context.cacheScope` (when there is one: HTTP and in-process reads,
 * not websockets). Object fields stay synchronous; only the list and lookup
 * fields above look at their result. Run once, after building the schema.
 */
export function recordCacheDependencies(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const prefix = OBJECT_TYPES[type.name];
    const rules = FIELD_RULES[type.name] ?? {};
    for (const field of Object.values(type.getFields())) {
      const resolve: Resolver = field.resolve ?? defaultFieldResolver;
      const rule = rules[field.name];
      if (rule) {
        field.resolve = (root, args, context, info) => {
          const scope = context?.cacheScope;
          if (scope && prefix) scope.objects.set(root, prefix);
          const result = resolve(root, args, context, info);
          if (!scope) return result;
          if (result instanceof Promise) return result.then((value) => (rule(scope, root, args, value), value));
          rule(scope, root, args, result);
          return result;
        };
      } else if (prefix) {
        field.resolve = (root, args, context, info) => {
          context?.cacheScope?.objects.set(root, prefix);
          return resolve(root, args, context, info);
        };
      }
    }
  }
  return schema;
}

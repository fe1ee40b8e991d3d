import {
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  getNullableType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-request';

/**
 * What an operation may cost, computed from the document and its variables
 * before anything runs. The unit is "one object in the answer": every object
 * field counts 1 plus what is selected under it, and everything under a list
 * counts as many times as the list can hold. Paginated lists hold what
 * `first`/`last` asks (a variable's value, else its default, else the
 * field's default page size), never more than the field's own maximum; other
 * lists hold the typical size in EXPECTED_LIST_SIZES. A few scalars are as
 * heavy as many objects (a whole body as text) and weigh more.
 *
 * Why not GraphQL Armor's cost-limit: it sees only literal `first` values, so
 * `articles(first: $n)` would cost as if it returned one article, and it
 * knows neither default page sizes nor which fields are heavy.
 */
export interface ListSize {
  readonly default: number;
  readonly max: number;
}

const CONNECTION: ListSize = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE };

/** Lists sized by `first`/`last`: the size when none is asked for, and the most a client can ask for. */
export const PAGINATED_LISTS: Readonly<Record<string, ListSize>> = {
  'Query.articles': CONNECTION,
  'Category.articles': CONNECTION,
  'Source.articles': CONNECTION,
  'Query.search': { default: 10, max: 50 },
  'Article.related': { default: 5, max: 20 },
  'Article.readMore': { default: 3, max: 20 },
  'Article.suggestedCategories': { default: 3, max: 10 },
};

/**
 * Typical sizes of lists without pagination (a body has about 20 blocks; 50 categories per language at most).
 * An import's results grow with the text sent, which the body limit bounds, not with what is read: counted as a few.
 */
export const EXPECTED_LIST_SIZES: Readonly<Record<string, number>> = {
  'Article.body': 20,
  'Article.images': 5,
  'Query.categories': 50,
  'Query.sources': 50,
  'RelatedArticle.reasons': 5,
  'ImportResult.articles': 10,
  'ImportResult.failures': 10,
};

/** Scalars that cost like many objects. */
export const HEAVY_SCALARS: Readonly<Record<string, number>> = {
  'Article.bodyText': 20,
};

export interface OperationCost {
  readonly cost: number;
  /** The cost depends on variable values, so it cannot be remembered per document. */
  readonly usesVariables: boolean;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Readonly<Record<string, unknown>> | null,
): OperationCost {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  return operation ? costOfOperation(schema, document, operation, variables) : { cost: 0, usesVariables: false };
}

export function costOfOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Readonly<Record<string, unknown>> | null,
): OperationCost {
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, usesVariables: false };

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);

  let usesVariables = false;
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += fieldCost(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type);
      } else {
        const name = selection.name.value;
        const known = fragmentCosts.get(name);
        if (known !== undefined) {
          total += known;
          continue;
        }
        const fragment = fragments.get(name);
        // A cycle or an unknown fragment: graphql-js's own rules refuse those; count nothing more here.
        if (!fragment || inProgress.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) continue;
        inProgress.add(name);
        const cost = selectionCost(fragment.selectionSet, type);
        inProgress.delete(name);
        fragmentCosts.set(name, cost);
        total += cost;
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const name = node.name.value;
    if (name.startsWith('__')) return 0; // __typename, and introspection (graphql-js's MaxIntrospectionDepthRule holds that)
    if (!('getFields' in parent)) return 0;
    const field = parent.getFields()[name];
    if (!field) return 0;
    const coordinate = `${parent.name}.${name}`;
    const type = getNamedType(field.type);
    if (!node.selectionSet || !isCompositeType(type)) return HEAVY_SCALARS[coordinate] ?? 0;
    const paginated = PAGINATED_LISTS[coordinate];
    const size = paginated
      ? pageSize(node, paginated)
      : isListType(getNullableType(field.type))
        ? (EXPECTED_LIST_SIZES[coordinate] ?? 1)
        : 1;
    return size * (1 + selectionCost(node.selectionSet, type));
  };

  const pageSize = (node: FieldNode, size: ListSize): number => {
    let asked: number | null = null;
    for (const argument of node.arguments ?? []) {
      if (argument.name.value !== 'first' && argument.name.value !== 'last') continue;
      const value = intValue(argument.value);
      if (value !== null) asked = Math.max(asked ?? 0, value);
    }
    return Math.min(Math.max(asked ?? size.default, 0), size.max);
  };

  const intValue = (value: ValueNode): number | null => {
    if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
    if (value.kind !== Kind.VARIABLE) return null;
    usesVariables = true;
    const name = value.name.value;
    const given = variables?.[name];
    if (typeof given === 'number' && Number.isFinite(given)) return Math.trunc(given);
    if (given === undefined && defaults.has(name)) return intValue(defaults.get(name)!);
    return null;
  };

  return { cost: selectionCost(operation.selectionSet, root), usesVariables };
}

import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-js `subscribe`, except that subscribers of the same event with the
 * same operation and variables share one execution: 1,000 subscribers of
 * `articlePublished { ... }` cost one execution per event, not 1,000.
 * Sound because an event's result depends only on the event, the operation,
 * the variables and the viewer's role (editor-only fields), which is part of
 * the key.
 */
export function createSharedSubscribe() {
  const resultsByEvent = new WeakMap<object, Map<string, Result>>();
  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const role = (args.contextValue as { principal?: { role: string } | null } | undefined)?.principal?.role ?? '';
    const key = `${role}\u0000${args.operationName ?? ''}\u0000${args.document.loc?.source.body ?? print(args.document)}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    const run = (event: unknown): Result => execute({ ...args, rootValue: event });
    return mapStream(source, (event) => {
      if (typeof event !== 'object' || event === null) return run(event);
      let results = resultsByEvent.get(event);
      if (!results) resultsByEvent.set(event, (results = new Map()));
      let result = results.get(key);
      if (!result) results.set(key, (result = run(event)));
      return result;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/** Maps each value; return() goes straight to the source, so completing a parked subscription is immediate. */
function mapStream<T, R>(source: AsyncIterable<T>, map: (value: T) => R | Promise<R>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const step = await iterator.next();
      return step.done ? { value: undefined, done: true } : { value: await map(step.value), done: false };
    },
    return: async () => {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

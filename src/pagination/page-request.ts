import { Errors } from '../errors/error.catalogue';
import { decodeCursor, type CursorPosition } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated Relay page request: which way to walk, how many, and from where. */
export interface PageRequest {
  direction: 'forward' | 'backward';
  limit: number;
  cursor: CursorPosition | null;
}

/** The one page-size rule: `fallback` when not given, never negative, at most `max`. */
export function pageSize(argument: string, requested: number | null | undefined, fallback: number, max: number): number {
  const size = requested ?? fallback;
  if (size < 0) throw Errors.pageSizeNegative(argument, size);
  if (size > max) throw Errors.pageSizeTooLarge(argument, max, size);
  return size;
}

export function toPageRequest(args: PageArgs, order: string): PageRequest {
  const { first, after, last, before } = args;
  const backward = last != null || before != null;
  if (backward && (first != null || after != null)) throw Errors.conflictingPagination();
  const sizeArg = backward ? 'last' : 'first';
  const size = pageSize(sizeArg, backward ? last : first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const cursorArg = backward ? 'before' : 'after';
  const rawCursor = backward ? before : after;
  let cursor: CursorPosition | null = null;
  if (rawCursor != null) {
    cursor = decodeCursor(rawCursor, order);
    if (!cursor) throw Errors.invalidCursor(cursorArg);
  }
  return { direction: backward ? 'backward' : 'forward', limit: size, cursor };
}

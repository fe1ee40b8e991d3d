import { AppError } from '../errors/error.catalogue';
import { encodeCursor } from './cursor';
import { toPageRequest } from './page-request';

const order = 'PUBLISHED_AT_DESC';
const cursor = encodeCursor({ order, value: 1726185600000, id: 7 });

describe('toPageRequest', () => {
  it.each([
    [{}, { direction: 'forward', limit: 20, cursor: null }],
    [{ first: 5 }, { direction: 'forward', limit: 5, cursor: null }],
    [{ first: 100 }, { direction: 'forward', limit: 100, cursor: null }],
    [{ first: 0 }, { direction: 'forward', limit: 0, cursor: null }],
    [{ last: 3 }, { direction: 'backward', limit: 3, cursor: null }],
    [{ first: 2, after: cursor }, { direction: 'forward', limit: 2, cursor: { order, value: 1726185600000, id: 7 } }],
    [{ before: cursor }, { direction: 'backward', limit: 20, cursor: { order, value: 1726185600000, id: 7 } }],
  ])('%j -> %j', (args, expected) => {
    expect(toPageRequest(args, order)).toEqual(expected);
  });

  it.each([
    [{ first: 101 }, 'PAGE_SIZE_TOO_LARGE', /at most 100/],
    [{ last: 500 }, 'PAGE_SIZE_TOO_LARGE', /`last` is 500/],
    [{ first: -1 }, 'PAGE_SIZE_NEGATIVE', /0 or more/],
    [{ first: 1, last: 1 }, 'CONFLICTING_PAGINATION', /not both/],
    [{ after: 'nonsense!' }, 'INVALID_CURSOR', /`after`/],
    [{ after: encodeCursor({ order: 'UPDATED_AT_DESC', value: 1, id: 1 }) }, 'INVALID_CURSOR', /same query and ordering/],
    [{ before: Buffer.from('[1,2]').toString('base64url') }, 'INVALID_CURSOR', /`before`/],
  ])('%j is rejected with %s', (args, reason, message) => {
    let caught: unknown;
    try {
      toPageRequest(args, order);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect((caught as AppError).message).toMatch(message);
  });
});

import { isTransientConflict, WriterLock } from './writer-locks';

describe('isTransientConflict', () => {
  it.each([
    ['TypeORM QueryFailedError of a deadlock', { driverError: { code: '40P01' } }, true],
    ['TypeORM QueryFailedError of a serialization failure', { driverError: { code: '40001' } }, true],
    ['pg error of a deadlock', { code: '40P01' }, true],
    ['unique violation', { driverError: { code: '23505' } }, false],
    ['lock timeout (a wait that gave up, not a rollback the database chose)', { code: '55P03' }, false],
    ['SQLite busy', { code: 'SQLITE_BUSY' }, false],
    ['plain Error', new Error('deadlock detected'), false],
    ['null', null, false],
    ['a string', '40P01', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isTransientConflict(error)).toBe(expected);
  });
});

describe('WriterLock', () => {
  it('gives every writer its own key', () => {
    const keys = Object.values(WriterLock);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

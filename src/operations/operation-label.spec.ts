import { OperationLabels } from './operation-label';

describe('OperationLabels', () => {
  it.each([
    ['a GraphQL name', 'LatestSwahili', 'LatestSwahili'],
    ['underscores and digits', '_list_2', '_list_2'],
    ['no name', undefined, 'anonymous'],
    ['null', null, 'anonymous'],
    ['an empty name', '', 'anonymous'],
    ['a name starting with a digit', '2fast', 'invalid'],
    ['a name with punctuation', 'drop-table', 'invalid'],
    ['a 65-character name', 'a'.repeat(65), 'invalid'],
  ])('labels %s', (_case, name, expected) => {
    expect(new OperationLabels().of(name)).toBe(expected);
  });

  it('keeps names already seen once the limit is reached, and counts new ones as other', () => {
    const labels = new OperationLabels(2);
    expect(labels.of('A')).toBe('A');
    expect(labels.of('B')).toBe('B');
    expect(labels.of('C')).toBe('other');
    expect(labels.of('A')).toBe('A');
    expect(labels.of(undefined)).toBe('anonymous');
  });
});

import { tsvTextToBody } from './tsv-text';

describe('tsvTextToBody', () => {
  it.each([
    ['one line', 'Kiongozi wa chama.', ['Kiongozi wa chama.']],
    ['one paragraph per line', 'First.\nSecond.', ['First.', 'Second.']],
    ['Windows and old Mac line ends', 'First.\r\nSecond.\rThird.', ['First.', 'Second.', 'Third.']],
    ['runs of spaces and U+00A0 made one space', 'spika \u00A0 wa  bunge\u00A0\u00A0la Kenya', ['spika wa bunge la Kenya']],
    ['empty and blank lines dropped', '\nFirst.\n\n  \u00A0 \n\tSecond.  \n', ['First.', 'Second.']],
    ['nothing at all', '', []],
  ])('%s', (_name, text, expected) => {
    expect(tsvTextToBody(text)).toEqual(expected.map((t) => ({ type: 'PARAGRAPH', text: t })));
  });
});

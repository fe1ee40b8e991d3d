import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['  HTTPS://Example.org  ', 'https://example.org/'],
    ['http://cdn.example.org/a b.jpg', null],
    ['https://example.org/?q=<script>', 'https://example.org/?q=%3Cscript%3E'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    [' javascript:alert(1)', null],
    ['\u0000javascript:alert(1)', null],
    ['\tjavascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['javascript&#58;alert(1)', null],
    ['&#106;avascript:alert(1)', null],
    ['%6Aavascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['DATA:text/html,x', null],
    ['file:///etc/passwd', null],
    ['vbscript:msgbox(1)', null],
    ['https:javascript:alert(1)', null],
    ['http://', null],
    ['//evil.example/x', null],
    ['/relative/path', null],
    ['https://example.org/\u0000', null],
    ['https://example.org/\ud800', null],
    [`https://example.org/${'a'.repeat(2100)}`, null],
  ])('%p -> %p', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

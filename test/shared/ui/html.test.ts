import fc from 'fast-check';
import { escapeHtml, html, multiline, raw } from '../../../shared/ui/html';

describe('html tagged template', () => {
  test('escapes every interpolated string', () => {
    const evil = `<script>alert("x")</script>' onload=alert(1) \``;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).toBe(`<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`);
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;');
  });

  test('nested fragments are not escaped twice; arrays are joined; null, undefined and booleans render nothing', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(html`<p>${inner}${[html`<i>1</i>`, '<2>']}${null}${undefined}${false}${true}${0}</p>`.value).toBe('<p><b>a&amp;b</b><i>1</i>&lt;2&gt;0</p>');
  });

  test('raw() passes markup through (for fragments rendered by this code only)', () => {
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });

  test('multiline keeps line breaks and escapes each line', () => {
    expect(multiline('a<b\nc').value).toBe('a&lt;b<br>c');
  });

  test('property: no interpolated string can produce a raw <script, a tag or break out of an attribute', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('<script>', '<SCRIPT', '"', "'", '<', '>', '&', '`', '</p><script src=x>', '\u0000'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), fc.string(), (text, other) => {
        const out = html`<div class="${text}" data-x='${other}'>${text}${[other, text]}</div>`.value;
        expect(out.toLowerCase()).not.toContain('<script');
        const inner = out.slice('<div '.length, -'</div>'.length);
        expect(inner).not.toMatch(/[<]/);
        expect(out.match(/"/g)?.length).toBe(2);
        expect(out.match(/'/g)?.length).toBe(2);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { TextUnreadableError } from '../../../../functions/http/edge/body-parser-errors';
import { assertReadableFields, decodeFormComponent, decodeUtf8, unreadableText } from '../../../../functions/http/edge/text-checks';

// Text no one can read or see is refused (422) once, at the edge: NUL and C0 controls, DEL, lone surrogates,
// text made only of zero-width characters, broken UTF-8 and percent escapes that are not UTF-8.

describe('unreadableText', () => {
  test.each([
    ['NUL', 'a\u0000b', 'a NUL or control character'],
    ['U+0008 (last control before tab)', 'a\u0008', 'a NUL or control character'],
    ['U+000B vertical tab', 'a\u000Bb', 'a NUL or control character'],
    ['U+000C form feed', 'a\u000Cb', 'a NUL or control character'],
    ['U+000E (first control after CR)', '\u000E', 'a NUL or control character'],
    ['U+001F (last C0 control)', '\u001F', 'a NUL or control character'],
    ['DEL', '张\u007F三', 'a NUL or control character'],
    ['lone high surrogate at the end', '张\uD83D', 'a lone surrogate'],
    ['lone high surrogate before a letter', '\uD83Dx', 'a lone surrogate'],
    ['lone low surrogate', 'x\uDE00', 'a lone surrogate'],
    ['two high surrogates', '\uD83D\uD83D', 'a lone surrogate'],
    ['only a zero-width space', '\u200B', 'only zero-width characters'],
    ['zero-width joiner and spaces', ' \u200D \u3000', 'only zero-width characters'],
    ['only a BOM', '\uFEFF', 'only zero-width characters'],
  ])('refuses %s', (_name, value, problem) => {
    expect(unreadableText(value)).toBe(problem);
  });

  test.each([
    ['empty text (left to the form rules)', ''],
    ['blank text (left to the form rules)', '   '],
    ['tab, line feed and carriage return', '第一行\r\n\t第二行'],
    ['U+0020 and U+007E (printable ASCII edges)', ' ~'],
    ['U+0080 (after DEL)', '\u0080'],
    ['a surrogate pair (emoji)', '好\uD83D\uDE00'],
    ['a zero-width joiner inside a name', '张\u200D三'],
    ['Chinese text', '中共某某支部委员会'],
  ])('accepts %s', (_name, value) => {
    expect(unreadableText(value)).toBeUndefined();
  });

  test('never accepts a string containing NUL', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (before, after) => unreadableText(`${before}\u0000${after}`) !== undefined));
  });

  test('never accepts a string with a high surrogate at its end', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0xd800, max: 0xdbff }), (before, high) => unreadableText(before + String.fromCharCode(high)) !== undefined),
    );
  });

  test('accepts every well-formed string of letters, CJK and line breaks', () => {
    const readable = fc.constantFrom(...'abcXYZ019 张三李四党支部，。！？\n\t\r'.split(''), '\uD83D\uDE00');
    fc.assert(fc.property(fc.array(readable).map((parts) => parts.join('')), (text) => unreadableText(text) === undefined));
  });
});

describe('assertReadableFields', () => {
  test('passes readable fields', () => {
    expect(() => assertReadableFields({ name: '张三', note: '第一行\n第二行', blank: '' })).not.toThrow();
  });

  test.each([
    ['a bad value', { name: '张三', note: 'x\u0000' }],
    ['a bad field name', { 'na\u0000me': '张三' }],
    ['a value of only zero-width characters', { name: '\u200B\u200B' }],
  ])('refuses %s with 422 and the Chinese message', (_name, fields) => {
    let thrown: unknown;
    try {
      assertReadableFields(fields);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TextUnreadableError);
    expect((thrown as TextUnreadableError).httpStatus).toBe(422);
    expect((thrown as TextUnreadableError).userMessage).toMatch(/无法识别或看不见的字符/);
  });
});

describe('decodeUtf8', () => {
  test.each([
    ['ASCII', Buffer.from('name=a'), 'name=a'],
    ['Chinese', Buffer.from('张三', 'utf8'), '张三'],
    ['a four-byte character', Buffer.from('😀', 'utf8'), '😀'],
  ])('decodes %s', (_name, bytes, text) => {
    expect(decodeUtf8(bytes)).toBe(text);
  });

  test.each([
    ['a lone continuation byte', Buffer.from([0x61, 0x80])],
    ['0xFF', Buffer.from([0xff])],
    ['a truncated three-byte sequence', Buffer.from('张', 'utf8').subarray(0, 2)],
    ['an overlong encoding of "/"', Buffer.from([0xc0, 0xaf])],
    ['an encoded surrogate (CESU-8)', Buffer.from([0xed, 0xa0, 0x80])],
  ])('refuses %s with 422, never U+FFFD', (_name, bytes) => {
    expect(() => decodeUtf8(bytes)).toThrow(TextUnreadableError);
  });
});

describe('decodeFormComponent', () => {
  test.each([
    ['plus as space', 'a+b', 'a b'],
    ['an encoded plus', 'a%2Bb', 'a+b'],
    ['percent-encoded Chinese', encodeURIComponent('张三'), '张三'],
    ['plain text', 'abc', 'abc'],
  ])('decodes %s', (_name, text, value) => {
    expect(decodeFormComponent(text)).toBe(value);
  });

  test.each([
    ['an escape that is not UTF-8', '%FF'],
    ['a truncated escape', 'a%E5%BC'],
    ['a percent sign that is no escape', '100%'],
    ['an escaped lone surrogate', '%ED%A0%80'],
  ])('refuses %s with 422', (_name, text) => {
    expect(() => decodeFormComponent(text)).toThrow(TextUnreadableError);
  });
});

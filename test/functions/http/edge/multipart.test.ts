import { BodyMalformedError, BodyTooLargeError } from '../../../../functions/http/edge/body-parser-errors';
import { parseMultipart } from '../../../../functions/http/edge/multipart';

// multipart/form-data: the first value of each field, files in memory without any path in their names; a file over
// its limit is a 413 (with the route's message), too many files or a malformed body a 400.

const BOUNDARY = 'edge-b0undary';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

type Part = { name: string; value: string } | { name: string; fileName: string; type?: string; content: string | Buffer };

function body(parts: Part[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = 'fileName' in part
      ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type ?? 'application/octet-stream'}`
      : `Content-Disposition: form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from('fileName' in part ? part.content : part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const parse = (parts: Part[], limits = { fileBytes: 10 }, message?: string) => parseMultipart(body(parts), TYPE, limits, message);

describe('fields and files', () => {
  test('fields (first value wins, UTF-8) and the file', async () => {
    const result = await parse([
      { name: 'title', value: '支部大会记录' },
      { name: 'title', value: 'second' },
      { name: 'roster', fileName: '名册.csv', type: 'text/csv', content: 'a,b' },
    ]);
    expect(result.fields).toEqual({ title: '支部大会记录' });
    expect(result.files).toEqual([{ fieldName: 'roster', fileName: '名册.csv', contentType: 'text/csv', bytes: Buffer.from('a,b') }]);
  });

  test.each([
    ['a Windows path', 'C:\\Users\\li\\名册.csv', '名册.csv'],
    ['a Unix path', '../../etc/passwd', 'passwd'],
    ['a plain name', 'roster.xlsx', 'roster.xlsx'],
  ])('the file name without %s', async (_name, sent, kept) => {
    const { files } = await parse([{ name: 'f', fileName: sent, content: 'x' }]);
    expect(files[0].fileName).toBe(kept);
  });

  test('an empty file input (no name, no bytes) is no file', async () => {
    expect((await parse([{ name: 'f', fileName: '', content: '' }])).files).toEqual([]);
  });

  test('__proto__ is just a field name', async () => {
    const { fields } = await parse([{ name: '__proto__', value: 'x' }, { name: 'a', value: '1' }]);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
    expect(fields.a).toBe('1');
  });
});

describe('limits', () => {
  test.each([
    ['exactly the file limit', 10, true],
    ['one byte over the file limit', 11, false],
  ])('%s', async (_name, bytes, accepted) => {
    const result = parse([{ name: 'f', fileName: 'a.bin', content: Buffer.alloc(bytes, 1) }], { fileBytes: 10 }, '附件不能超过 10 字节。');
    if (accepted) expect((await result).files[0].bytes).toHaveLength(bytes);
    else {
      const error = await result.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BodyTooLargeError);
      expect((error as BodyTooLargeError).userMessage).toBe('附件不能超过 10 字节。');
    }
  });

  test.each([
    ['one file where one is allowed', 1, undefined, true],
    ['two files where one is allowed (the default)', 2, undefined, false],
    ['two files where two are allowed', 2, 2, true],
    ['three files where two are allowed', 3, 2, false],
  ])('%s', async (_name, count, files, accepted) => {
    const parts = Array.from({ length: count }, (_, i) => ({ name: `f${i}`, fileName: `${i}.txt`, content: 'x' }));
    const result = parse(parts, { fileBytes: 10, ...(files ? { files } : {}) } as { fileBytes: number; files?: number });
    if (accepted) expect((await result).files).toHaveLength(count);
    else await expect(result).rejects.toBeInstanceOf(BodyMalformedError);
  });
});

describe('malformed bodies are a 400', () => {
  test.each([
    ['no boundary in the content type', body([{ name: 'a', value: '1' }]), 'multipart/form-data'],
    ['not multipart at all', body([{ name: 'a', value: '1' }]), 'text/plain'],
    ['a body cut off before its end', body([{ name: 'a', value: '1' }]).subarray(0, 40), TYPE],
  ])('%s', async (_name, bytes, contentType) => {
    await expect(parseMultipart(bytes, contentType, { fileBytes: 10 })).rejects.toBeInstanceOf(BodyMalformedError);
  });
});

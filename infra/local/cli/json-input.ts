import { readFile } from 'node:fs/promises';
import { CliUsageError } from './usage-error';

/** Reads all of standard input. */
async function readStdin(stdin: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The JSON of `--file` (a path, or "-" for standard input; a UTF-8 BOM is allowed). `missing` is the message when no
 * file is given; an unreadable file or bad JSON is a CliUsageError naming the file.
 */
export async function readJsonInput(file: string | undefined, stdin: AsyncIterable<Buffer | string>, missing: string): Promise<unknown> {
  if (file === undefined || file === '') throw new CliUsageError(missing);
  let text: string;
  try {
    text = file === '-' ? await readStdin(stdin) : await readFile(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(`无法读取“${file}” (cannot read the file): ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new CliUsageError(`“${file}”不是有效的 JSON (not valid JSON): ${(error as Error).message}`);
  }
}

import { AslRuntimeError } from './errors';

/**
 * Reads a simple reference path: `$`, `$.a.b`, `$.a[0]`, `$['a b']` (and `$$…` against the context
 * object). Enough for Wait paths; everything richer is evaluated by aws-local-stepfunctions.
 */
export function readPath(path: string, input: unknown, context?: unknown): unknown {
  const fromContext = path.startsWith('$$');
  const rest = fromContext ? path.slice(2) : path.startsWith('$') ? path.slice(1) : undefined;
  if (rest === undefined) throw new AslRuntimeError(`Invalid path '${path}': it must start with '$'`);
  let value: unknown = fromContext ? context : input;
  for (const segment of segments(rest, path)) {
    if (value === null || typeof value !== 'object' || !(segment in (value as object))) {
      throw new AslRuntimeError(`Path expression '${path}' does not point to a value`);
    }
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function segments(rest: string, path: string): (string | number)[] {
  const result: (string | number)[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  let index = 0;
  while (index < rest.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(rest);
    if (!match) throw new AslRuntimeError(`Unsupported path '${path}'`);
    if (match[1] !== undefined) result.push(match[1]);
    else if (match[2] !== undefined) result.push(Number(match[2]));
    else result.push(match[3] ?? match[4]);
    index = pattern.lastIndex;
  }
  return result;
}

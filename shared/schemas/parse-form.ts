import type { z } from 'zod';
import { InputInvalidError } from '../errors';

/** Parses raw input with a zod schema; failures become InputInvalidError with one Chinese message per field. */
export function parseForm<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    fieldErrors[field] ??= issue.message;
  }
  throw new InputInvalidError(fieldErrors, { cause: parsed.error });
}

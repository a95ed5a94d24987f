import { z } from 'zod';

/** Field builders with Chinese messages, shared by the forms. */

/** One field of a step form as the pages render it, whatever the step (development and election steps alike). */
export interface FormField {
  name: string;
  label: string;
  type: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'person' | 'people' | 'checkbox';
  options?: ReadonlyArray<{ value: string; label: string }>;
  required: boolean;
  help?: string;
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * A number as staff write it: decimal digits only. `Number()` also reads `0x5`, `0b101`, `1e3` and `Infinity`;
 * those become NaN here, so the number schema refuses them with its message. Blank stays what `z.coerce` made it (0).
 */
export function decimalNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return Number(text);
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** A number schema fed from a form field in decimal digits only (what `z.coerce.number` was, without `0x5`). */
export const decimal = <T extends z.ZodType>(schema: T) => z.preprocess(decimalNumber, schema);

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .max(max, `${label}不能超过 ${max} 个字。`);

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确。` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字。`)
    .optional()
    .transform((value) => (value ? value : undefined));

export const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为“年-月-日”格式，例如 2026-09-23。`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${label}不是有效的日期。`);

export const optionalIsoDate = (label: string) =>
  z
    .union([z.literal(''), isoDate(label)])
    .optional()
    .transform((value) => (value ? value : undefined));

export const choice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `请选择${label}。` });

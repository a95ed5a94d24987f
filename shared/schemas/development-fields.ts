import { z } from 'zod';
import { decimal, isoDate, optionalIsoDate, optionalText, requiredText, choice, type FormField } from './form-fields';

/** A field with its zod schema, so the list for the page and the schema for the service never disagree. */
export interface FieldSpec {
  field: FormField;
  schema: z.ZodType;
}

const count = (label: string, required: boolean) => {
  const base = decimal(z.number({ error: `${label}应为数字。` }).int(`${label}应为整数。`).min(0, `${label}不能为负数。`).max(100_000, `${label}过大。`));
  if (required) return z.preprocess((v) => (v === '' ? undefined : v), base.optional()).refine((v) => v !== undefined, `请填写${label}。`);
  return z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), base.optional());
};

const amount = (label: string) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), decimal(z.number({ error: `${label}应为数字。` }).min(0, `${label}不能为负数。`).max(10_000, `${label}过大。`)).optional());

/** A list of person ids: an array, or one id per line / separated by commas. */
const personIds = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[\s,，]+/).filter(Boolean) : v),
    z.array(z.string({ error: `${label}格式不正确。` }).trim().min(1).max(100), { error: `请选择${label}。` }).max(20, `${label}过多。`),
  );

const checked = (label: string, required: boolean) =>
  z.preprocess(
    (v) => v === true || v === 'on' || v === 'true' || v === '1',
    required ? z.literal(true, { error: `请确认：${label}。` }) : z.boolean(),
  );

export const f = {
  date: (name: string, label: string, help?: string): FieldSpec => ({ field: { name, label, type: 'date', required: true, help }, schema: isoDate(label) }),
  optionalDate: (name: string, label: string, help?: string): FieldSpec => ({ field: { name, label, type: 'date', required: false, help }, schema: optionalIsoDate(label) }),
  text: (name: string, label: string, max = 100, help?: string): FieldSpec => ({ field: { name, label, type: 'text', required: true, help }, schema: requiredText(label, max) }),
  optionalText: (name: string, label: string, max = 100, help?: string): FieldSpec => ({ field: { name, label, type: 'text', required: false, help }, schema: optionalText(label, max) }),
  textarea: (name: string, label: string, max = 5000, help?: string): FieldSpec => ({ field: { name, label, type: 'textarea', required: true, help }, schema: requiredText(label, max) }),
  optionalTextarea: (name: string, label: string, max = 5000, help?: string): FieldSpec => ({ field: { name, label, type: 'textarea', required: false, help }, schema: optionalText(label, max) }),
  count: (name: string, label: string, required = true, help?: string): FieldSpec => ({ field: { name, label, type: 'number', required, help }, schema: count(label, required) }),
  amount: (name: string, label: string, help?: string): FieldSpec => ({ field: { name, label, type: 'number', required: false, help }, schema: amount(label) }),
  select: <const T extends readonly [string, ...string[]]>(name: string, label: string, options: { [K in T[number]]: string }, values: T, help?: string): FieldSpec => ({
    field: { name, label, type: 'select', required: true, options: values.map((value) => ({ value, label: options[value as T[number]] })), help },
    schema: choice(label, values),
  }),
  optionalSelect: <const T extends readonly [string, ...string[]]>(name: string, label: string, options: { [K in T[number]]: string }, values: T, help?: string): FieldSpec => ({
    field: { name, label, type: 'select', required: false, options: values.map((value) => ({ value, label: options[value as T[number]] })), help },
    schema: z.preprocess((v) => (v === '' ? undefined : v), choice(label, values).optional()),
  }),
  person: (name: string, label: string, help?: string): FieldSpec => ({ field: { name, label, type: 'person', required: true, help }, schema: requiredText(label, 100) }),
  people: (name: string, label: string, help?: string): FieldSpec => ({ field: { name, label, type: 'people', required: true, help }, schema: personIds(label) }),
  checkbox: (name: string, label: string, required = false, help?: string): FieldSpec => ({ field: { name, label, type: 'checkbox', required, help }, schema: checked(label, required) }),
};

function parseJsonList(text: string): unknown {
  if (text.trim() === '') return [];
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Attachments' metadata only (name, size, type, SHA-256), sent with any step form as `attachments`. */
export const attachmentsSchema = z.preprocess(
  (v) => (typeof v === 'string' ? parseJsonList(v) : v ?? []),
  z
    .array(
      z.object({
        name: z.string({ error: '附件名称格式不正确。' }).trim().min(1, '附件须有名称。').max(200, '附件名称过长。'),
        size: z.number({ error: '附件大小应为数字。' }).int().min(0).max(100 * 1024 * 1024, '附件不能超过 100 MB。'),
        contentType: z.string().trim().min(1).max(100),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件校验值（SHA-256）格式不正确。'),
      }),
      { error: '附件格式不正确。' },
    )
    .max(20, '附件不能超过 20 个。'),
);

/** The schema of a form from its field specs, plus `attachments` and `notes` every step accepts. */
export function formSchema(specs: readonly FieldSpec[]) {
  const shape: Record<string, z.ZodType> = { attachments: attachmentsSchema, notes: optionalText('备注', 2000) };
  for (const spec of specs) shape[spec.field.name] = spec.schema;
  return z.object(shape);
}

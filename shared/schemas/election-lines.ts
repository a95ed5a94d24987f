import { z } from 'zod';
import { decimalNumber } from './form-fields';

/** Text fields of the election forms that carry lists: names, and names with counts, one per line. */

const SEPARATORS = /[\s,，、;；]+/;

/** Names separated by new lines, spaces, commas or 、; distinct; at most `max`. */
export const nameList = (label: string, max = 200, required = false) =>
  z
    .string({ error: `${label}格式不正确。` })
    .optional()
    .transform((text, ctx) => {
      const names = (text ?? '').split(SEPARATORS).map((name) => name.trim()).filter(Boolean);
      const seen = new Set<string>();
      for (const name of names) {
        if (name.length > 20) ctx.addIssue({ code: 'custom', message: `${label}中的“${name.slice(0, 20)}…”太长，姓名不能超过 20 个字。` });
        if (seen.has(name)) ctx.addIssue({ code: 'custom', message: `${label}中“${name}”重复。` });
        seen.add(name);
      }
      if (names.length > max) ctx.addIssue({ code: 'custom', message: `${label}最多 ${max} 人。` });
      if (required && names.length === 0) ctx.addIssue({ code: 'custom', message: `请填写${label}。` });
      return names;
    });

/**
 * Lines "姓名 数1 数2 …" (separated by spaces, commas or tabs), each with exactly `columns.length` whole numbers.
 * Result: name → counts in the order of `columns`.
 */
export const nameCounts = (label: string, columns: readonly string[], required = false) =>
  z
    .string({ error: `${label}格式不正确。` })
    .optional()
    .transform((text, ctx) => {
      const rows: Record<string, number[]> = {};
      const lines = (text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      lines.forEach((line, index) => {
        const [name, ...rest] = line.split(/[\s,，、;；:：]+/).filter(Boolean);
        const numbers = rest.map(Number);
        const where = `${label}第 ${index + 1} 行`;
        if (numbers.length !== columns.length || numbers.some((n) => !Number.isInteger(n) || n < 0)) {
          ctx.addIssue({ code: 'custom', message: `${where}应为“姓名 ${columns.join(' ')}”，数字为非负整数。` });
        } else if (name in rows) {
          ctx.addIssue({ code: 'custom', message: `${where}：“${name}”重复。` });
        } else {
          rows[name] = numbers;
        }
      });
      if (lines.length > 500) ctx.addIssue({ code: 'custom', message: `${label}最多 500 行。` });
      if (required && lines.length === 0) ctx.addIssue({ code: 'custom', message: `请填写${label}。` });
      return rows;
    });

/** A whole number in a form field (text from a browser, or a number from JSON). */
export const count = (label: string, min = 0, max = 100_000) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : decimalNumber(value)) : value),
    z
      .number({ error: `请填写${label}（整数）。` })
      .int(`${label}应为整数。`)
      .min(min, `${label}不能小于 ${min}。`)
      .max(max, `${label}不能大于 ${max}。`),
  );

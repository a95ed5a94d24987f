/** The outcome of a development rule: problems block the step, warnings are shown and recorded. */

export interface Finding {
  /** Stable machine code, e.g. `AGE_UNDER_MINIMUM`. */
  code: string;
  /** Chinese message for staff. */
  message: string;
  /** The form field the problem is about, when it is about one (the message is shown under it). */
  field?: string;
}

/** The findings, each about `field`. */
export const onField = (field: string, findings: readonly Finding[]): Finding[] => findings.map((f) => ({ ...f, field }));

export interface CheckResult {
  ok: boolean;
  problems: Finding[];
  warnings: Finding[];
}

export function checkResult(problems: Finding[] = [], warnings: Finding[] = []): CheckResult {
  return { ok: problems.length === 0, problems, warnings };
}

/** Inputs that are not data at all (a malformed date, a negative count): thrown, not reported as a problem. */
export class DevelopmentInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DevelopmentInputError';
  }
}

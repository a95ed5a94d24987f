/** A rule of the assessment was broken; `message` is Chinese, for the staff member who can fix it. */
export class AssessmentRuleError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'AssessmentRuleError';
  }
}

/** The input of a round cannot be tallied: wrong shape, or numbers that contradict each other. */
export class TallyInputError extends Error {
  /** One line per problem, each "path: Chinese message (English message)". */
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`选举计票输入无效 (invalid tally input): ${issues.join('; ')}`);
    this.name = 'TallyInputError';
    this.issues = issues;
  }
}

/** A period that cannot be counted: the count is not a positive integer, or the start is not a valid instant. */
export class CalendarPeriodInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CalendarPeriodInvalidError';
  }
}

/** A value that should be an ISO date (YYYY-MM-DD) or a valid instant is not. */
export class CalendarDateInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CalendarDateInvalidError';
  }
}

/**
 * An error as an AWS service answers it: HTTP status, the error code the SDK turns into the thrown error's `name`
 * (`ExecutionAlreadyExists`, `InvalidToken`, `BadRequestException`…) and its message.
 */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'AwsServiceError';
  }
}

/** The body and headers of an error answer: `{"__type", "message"}` plus `x-amzn-ErrorType`, which both protocols read. */
export function errorResponse(error: AwsServiceError): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: error.status,
    headers: { 'x-amzn-errortype': error.code },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

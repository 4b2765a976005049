/**
 * The most useful message of an error: for a `ResponseError` the backend's
 * own message (its `cause`), not the generic "Request failed with 500".
 */
export function describeError(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (
    error.name === 'ResponseError' &&
    cause &&
    typeof (cause as Error).message === 'string' &&
    (cause as Error).message
  ) {
    return (cause as Error).message;
  }
  return error.message;
}

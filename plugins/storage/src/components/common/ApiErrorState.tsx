import {
  EmptyState,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';

function statusOf(error: Error): number | undefined {
  const status = (error as Partial<{ statusCode: number }>).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * An error from the storage backend: a permission denial and a missing
 * entity get their own plain message; anything else shows the details.
 */
export function ApiErrorState(props: { error: Error; what: string }) {
  const { error, what } = props;
  const status = statusOf(error);
  if (status === 403) {
    return (
      <WarningPanel
        severity="warning"
        title={`You are not allowed to see ${what}`}
        message="Ask the platform team for the storage read permission if you need it."
      />
    );
  }
  if (status === 404) {
    return (
      <EmptyState
        missing="data"
        title={`No ${what} found`}
        description={error.message}
      />
    );
  }
  return <ResponseErrorPanel error={error} title={`Could not load ${what}`} />;
}

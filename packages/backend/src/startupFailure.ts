interface ErrorLike {
  code?: unknown;
  message?: unknown;
  port?: unknown;
  address?: unknown;
  cause?: unknown;
}

function* chain(error: unknown): Generator<ErrorLike> {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    yield current as ErrorLike;
    current = (current as ErrorLike).cause;
  }
}

/**
 * One sentence for a backend that could not start, for the errors a
 * newcomer meets (a busy port, guest sign-in on a public interface); the
 * error's own message otherwise.
 */
export function describeStartupFailure(error: unknown): string {
  for (const e of chain(error)) {
    const message = typeof e.message === 'string' ? e.message : '';
    if (e.code === 'EADDRINUSE' || message.includes('EADDRINUSE')) {
      const port =
        typeof e.port === 'number'
          ? e.port
          : /:(\d+)\b/.exec(message)?.[1] ?? 'its port';
      return (
        `The backend could not start: port ${port} is already in use, perhaps by another ` +
        `Backstage. Stop that process or choose another port, e.g. BACKEND_PORT=7008 yarn start.`
      );
    }
    if (message.startsWith('guest sign-in (auth.providers.guest)')) {
      return `The backend could not start: ${message}`;
    }
  }
  const top = [...chain(error)][0];
  return `The backend could not start: ${
    top && typeof top.message === 'string' ? top.message : String(error)
  }`;
}

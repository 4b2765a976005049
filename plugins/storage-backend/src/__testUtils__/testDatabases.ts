import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL 15 when CI (or a developer) gives its
 * connection string. Never Docker: without the variable PostgreSQL is
 * skipped rather than started.
 */
export function historyTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
      ? ['SQLITE_3', 'POSTGRES_15']
      : ['SQLITE_3'],
    disableDocker: true,
  });
}

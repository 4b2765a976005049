import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import knexFactory, { type Knex } from 'knex';

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

/**
 * A second client of the database `first` connects to: another replica's
 * connection pool. A new client is added to `clients`, for the caller to
 * destroy.
 */
export function secondClientOf(
  first: Knex,
  id: TestDatabaseId,
  clients: Knex[],
): Knex {
  // In-memory SQLite exists once per connection: share the client.
  if (id === 'SQLITE_3') return first;
  const second = knexFactory(first.client.config);
  clients.push(second);
  return second;
}

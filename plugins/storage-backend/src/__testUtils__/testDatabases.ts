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
 * For two backend replicas on one database: call in a describe block; each
 * call of the function it returns gives two clients of a new test database
 * (the second is another replica's connection pool), destroyed after the
 * block.
 */
export function replicaDatabases(
  databases: TestDatabases,
): (id: TestDatabaseId) => Promise<[Knex, Knex]> {
  const clients: Knex[] = [];
  afterAll(async () => {
    for (const client of clients.reverse()) await client.destroy();
  });
  return async id => {
    const first = await databases.init(id);
    clients.push(first);
    // In-memory SQLite exists once per connection: share the client.
    if (id === 'SQLITE_3') return [first, first];
    const second = knexFactory(first.client.config);
    clients.push(second);
    return [first, second];
  };
}

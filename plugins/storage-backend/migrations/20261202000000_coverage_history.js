/*
 * Coverage history: each volume's last recorded verdict, its verdict
 * transitions, and a daily rollup of verdict counts. See
 * docs/storage-history.md.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The last recorded state of every volume the recorder saw: what the next
  // run compares with. Never trimmed by retention ("protected since" may be
  // older than the retention).
  await knex.schema.createTable('storage_history_volumes', table => {
    table.comment('The last recorded verdict of each volume');
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('name', 253).notNullable();
    table.string('uid', 64).notNullable();
    table.string('verdict', 16).notNullable();
    table.string('backup_status', 32).nullable();
    table
      .integer('seq')
      .notNullable()
      .comment('The seq of the transition that set this state');
    table.timestamp('since', { useTz: true }).notNullable();
    table.primary(['cluster', 'namespace', 'name', 'uid']);
  });

  await knex.schema.createTable('storage_history_transitions', table => {
    table.comment('Each change of a volume verdict');
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('name', 253).notNullable();
    table.string('uid', 64).notNullable();
    table.integer('seq').notNullable();
    table.string('from_verdict', 16).nullable().comment('null: first seen');
    table.string('to_verdict', 16).nullable().comment('null: volume gone');
    table.string('from_backup_status', 32).nullable();
    table.string('to_backup_status', 32).nullable();
    table.text('reasons').notNullable().comment('JSON [{code, message}]');
    table.timestamp('at', { useTz: true }).notNullable();
    table.boolean('demo').notNullable().defaultTo(false);
    // A transition recorded twice (two replicas racing) is dropped here.
    table.unique(['cluster', 'namespace', 'name', 'uid', 'seq'], {
      indexName: 'storage_history_transitions_volume_seq_uniq',
    });
    table.index(['at'], 'storage_history_transitions_at_idx');
    table.index(
      ['cluster', 'namespace', 'name'],
      'storage_history_transitions_claim_idx',
    );
  });

  // The entities (with their owners) a set of volumes belongs to, once:
  // daily rows refer to it, so each day repeats a number, not the names.
  await knex.schema.createTable('storage_history_groups', table => {
    table.comment('Entity sets of the daily rollup');
    table.increments('id').primary();
    table
      .string('key_hash', 64)
      .notNullable()
      .unique({ indexName: 'storage_history_groups_key_uniq' })
      .comment('sha256 of entity_refs and owners');
    table
      .text('entity_refs')
      .notNullable()
      .comment('sorted, newline-separated; for the callers permissions');
    table
      .text('owners')
      .notNullable()
      .comment('the owner of each entity, same order');
  });

  await knex.schema.createTable('storage_history_daily', table => {
    table.comment('Verdict counts per day, cluster, tier and entity set');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('cluster', 253).notNullable();
    table.string('tier', 253).notNullable();
    table.string('verdict', 16).notNullable();
    table.integer('group_id').notNullable();
    table.integer('count').notNullable();
    table.boolean('demo').notNullable().defaultTo(false);
    table.index(['day', 'cluster'], 'storage_history_daily_day_cluster_idx');
  });

  // One row per cluster, locked by each recording so two replicas that run
  // at once record one after the other.
  await knex.schema.createTable('storage_history_clusters', table => {
    table.comment('When each cluster was last recorded');
    table.string('cluster', 253).primary();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('storage_history_clusters');
  await knex.schema.dropTable('storage_history_daily');
  await knex.schema.dropTable('storage_history_groups');
  await knex.schema.dropTable('storage_history_transitions');
  await knex.schema.dropTable('storage_history_volumes');
};

// @ts-check

/**
 * Secret provisioning and rotation requests that wait for approval, and
 * their review. Names and key names only: a value never reaches this
 * table. Times are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('secret_requests', table => {
    table.comment(
      'Vault secret requests that needed approval, and their review',
    );
    table.string('id', 36).primary().notNullable().comment('uuid');
    table.string('entity_ref', 400).notNullable();
    table.string('action', 16).notNullable().comment('provision|rotate');
    table.string('environment', 32).notNullable();
    table.string('instance', 64).notNullable().comment('Vault instance name');
    table
      .text('spec')
      .notNullable()
      .comment(
        'JSON: secret names, key names, generated lengths, auth; no values',
      );
    table
      .string('status', 16)
      .notNullable()
      .comment('pending|applied|rejected|failed');
    table.string('requested_by', 400).notNullable().comment('user ref');
    table.bigInteger('requested_at').notNullable();
    table.string('reviewed_by', 400).nullable();
    table.bigInteger('reviewed_at').nullable();
    table.text('comment').nullable();
    table.text('message').nullable().comment('What Vault answered');
    table.index(['entity_ref', 'requested_at'], 'secret_requests_entity_idx');
    table.index(['status', 'requested_at'], 'secret_requests_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('secret_requests');
};

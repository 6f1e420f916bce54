// @ts-check

/**
 * The decision log and the policy versions it refers to.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('policy_versions', table => {
    table.comment('Every policy revision this backend has decided with');
    table.string('revision', 64).primary().notNullable();
    table.timestamp('loaded_at', { useTz: true }).notNullable();
    table.text('rules').notNullable().comment('JSON: rules per decision point');
  });
  await knex.schema.createTable('policy_decisions', table => {
    table.comment('Every decision: what was asked, the answer, and by whom');
    table.bigIncrements('id').primary();
    table.string('decision_point', 32).notNullable();
    table
      .string('input_digest', 64)
      .notNullable()
      .comment('sha256 of the input; the input itself may hold secrets');
    table.boolean('allow').notNullable();
    table.text('violations').notNullable().comment('JSON array');
    table.string('revision', 64).notNullable();
    table.float('duration_ms').notNullable();
    table.string('actor', 255).notNullable();
    table.timestamp('decided_at', { useTz: true }).notNullable();
    table.index(['decision_point', 'decided_at'], 'policy_decisions_point_idx');
    table.index(['decided_at'], 'policy_decisions_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('policy_decisions');
  await knex.schema.dropTable('policy_versions');
};

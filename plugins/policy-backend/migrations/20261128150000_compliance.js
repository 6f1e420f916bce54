// @ts-check

/**
 * Compliance of catalog entities (current status and violation history)
 * and exceptions to rules (maker-checker).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('policy_decisions', table => {
    table
      .string('subject', 400)
      .nullable()
      .comment('The entity the decision was about, when there was one');
    table.index(['subject', 'decided_at'], 'policy_decisions_subject_idx');
  });
  await knex.schema.createTable('policy_entity_status', table => {
    table.comment('The latest finops.catalog evaluation of each entity');
    table.string('entity_ref', 400).primary().notNullable();
    table.string('kind', 63).notNullable();
    table.string('owner', 400).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pass, fail, or unknown when the policy could not be evaluated');
    table.string('revision', 64).nullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.text('reason').nullable();
    table.text('excepted').notNullable().comment('JSON array of rule ids');
  });
  await knex.schema.createTable('policy_violations', table => {
    table.comment(
      'Violations with the time they opened and resolved: the current ones and the trend',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref', 400).notNullable();
    table.string('rule', 64).notNullable();
    table.string('severity', 16).notNullable();
    table.text('message').notNullable();
    table.text('remediation').notNullable();
    table.text('frameworks').notNullable().comment('JSON array');
    table.string('revision', 64).notNullable();
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.index(['entity_ref', 'resolved_at'], 'policy_violations_entity_idx');
    table.index(['resolved_at', 'opened_at'], 'policy_violations_time_idx');
  });
  await knex.schema.createTable('policy_exceptions', table => {
    table.comment('Exceptions to one rule for one entity, approved by another');
    table.uuid('id').primary().notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('rule', 64).notNullable();
    table.text('justification').notNullable();
    table.text('compensating_control').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, approved, rejected or expired');
    table.string('requested_by', 400).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('reviewed_by', 400).nullable();
    table.timestamp('reviewed_at', { useTz: true }).nullable();
    table.text('review_comment').nullable();
    table.index(['entity_ref', 'status'], 'policy_exceptions_entity_idx');
    table.index(['status', 'expires_at'], 'policy_exceptions_expiry_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('policy_exceptions');
  await knex.schema.dropTable('policy_violations');
  await knex.schema.dropTable('policy_entity_status');
  await knex.schema.alterTable('policy_decisions', table => {
    table.dropIndex(['subject', 'decided_at'], 'policy_decisions_subject_idx');
    table.dropColumn('subject');
  });
};

// @ts-check

/**
 * Deploy requests (deploy, promote, roll back) with their approval, and the
 * author of each change: separation of duties needs to know who wrote what
 * a deploy ships. Times are epoch milliseconds, as in the first migration.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pipeline_changes', table => {
    table
      .string('author', 255)
      .nullable()
      .comment('GitHub login of the commit or pull request author');
  });

  await knex.schema.createTable('pipeline_deploy_requests', table => {
    table.comment('Deploys asked through the portal, and their review');
    table.string('id', 36).primary().notNullable().comment('uuid');
    table.string('entity_ref', 400).notNullable();
    table.string('action', 16).notNullable().comment('deploy|promote|rollback');
    table.string('environment', 255).notNullable();
    table.string('version', 255).notNullable();
    table.string('sha', 64).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending|rejected|dispatched|failed');
    table.string('requested_by', 400).notNullable().comment('user ref');
    table.bigInteger('requested_at').notNullable();
    table.string('reviewed_by', 400).nullable();
    table.bigInteger('reviewed_at').nullable();
    table.text('comment').nullable();
    table.text('commit_authors').notNullable().comment('JSON array of refs');
    table.text('target').nullable().comment('JSON: what runs the deploy');
    table.text('message').nullable().comment('GitHub or Argo CD answer');
    table.index(
      ['entity_ref', 'requested_at'],
      'pipeline_deploy_req_entity_idx',
    );
    table.index(['status', 'requested_at'], 'pipeline_deploy_req_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pipeline_deploy_requests');
  await knex.schema.alterTable('pipeline_changes', table => {
    table.dropColumn('author');
  });
};

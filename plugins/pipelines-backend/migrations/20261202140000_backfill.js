// @ts-check

/**
 * What the GitHub REST backfill has read of each run. Webhooks deliver runs
 * and jobs but never artifacts, so the backfill reads the jobs and
 * artifacts of every completed run once, and again only when GitHub's
 * `updated_at` of the run moves (a rerun).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pipeline_runs', table => {
    table
      .bigInteger('backfilled_updated_at')
      .nullable()
      .comment(
        "GitHub's updated_at of the run when the backfill read its jobs and artifacts",
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pipeline_runs', table => {
    table.dropColumn('backfilled_updated_at');
  });
};

// @ts-check

/**
 * Workflow runs, jobs, artifacts, deployments, changes (for lead time) and
 * the deliveries already stored.
 *
 * Every `*_at` column holds epoch milliseconds (bigint), not a timestamp:
 * DORA metrics subtract times and bucket them by week in SQL, and integer
 * arithmetic is the same on SQLite and PostgreSQL where date functions are
 * not. GitHub ids are strings: they outgrow 32 bits and are only compared
 * for equality.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pipeline_runs', table => {
    table.comment('GitHub Actions workflow runs, newest state only');
    table.string('id', 32).primary().notNullable().comment('GitHub run id');
    table.string('entity_ref', 400).notNullable();
    table.string('repository', 255).notNullable().comment('owner/name');
    table.string('workflow_name', 255).notNullable();
    table.integer('run_number').notNullable();
    table.integer('run_attempt').notNullable();
    table.string('event', 64).notNullable();
    table.string('head_branch', 255).nullable();
    table.string('head_sha', 64).notNullable();
    table.string('actor', 255).notNullable();
    table.string('status', 32).notNullable();
    table
      .integer('status_rank')
      .notNullable()
      .comment('queued < in_progress < completed; a lower rank never wins');
    table.string('conclusion', 32).nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('run_started_at').nullable();
    table.bigInteger('completed_at').nullable();
    table.string('html_url', 1000).notNullable();
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment("GitHub's updated_at: orders deliveries of the same run");
    table.index(['entity_ref', 'created_at'], 'pipeline_runs_entity_idx');
    table.index(['created_at'], 'pipeline_runs_created_idx');
  });

  await knex.schema.createTable('pipeline_jobs', table => {
    table.comment('Jobs of workflow runs, with their steps');
    table.string('id', 32).primary().notNullable().comment('GitHub job id');
    table.string('run_id', 32).notNullable();
    table.integer('run_attempt').notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('name', 255).notNullable();
    table.string('status', 32).notNullable();
    table.integer('status_rank').notNullable();
    table.string('conclusion', 32).nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('completed_at').nullable();
    table.string('runner_name', 255).nullable();
    table.string('html_url', 1000).nullable();
    table.text('steps').notNullable().comment('JSON array of steps');
    table.index(['run_id'], 'pipeline_jobs_run_idx');
    table.index(['created_at'], 'pipeline_jobs_created_idx');
  });

  await knex.schema.createTable('pipeline_artifacts', table => {
    table.comment('Artifacts of workflow runs (from the REST backfill)');
    table.string('run_id', 32).notNullable();
    table.string('name', 255).notNullable();
    table.bigInteger('size_bytes').notNullable();
    table.string('digest', 128).nullable();
    table.string('url', 1000).notNullable();
    table.boolean('expired').notNullable();
    table.bigInteger('created_at').notNullable();
    table.primary(['run_id', 'name']);
    table.index(['created_at'], 'pipeline_artifacts_created_idx');
  });

  await knex.schema.createTable('pipeline_deployments', table => {
    table.comment('Deployments per environment, from GitHub or Argo CD');
    table.string('id', 255).primary().notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('environment', 255).notNullable();
    table.string('version', 255).notNullable().comment('ref: tag, branch, sha');
    table.string('sha', 64).notNullable();
    table.string('status', 32).notNullable();
    table.integer('status_rank').notNullable();
    table.string('triggered_by', 255).notNullable();
    table.string('approved_by', 255).nullable();
    table.boolean('rollback').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table
      .bigInteger('status_updated_at')
      .notNullable()
      .comment('When the current status was reported: the DORA event time');
    table.string('url', 1000).nullable();
    table.string('source', 16).notNullable().comment('github or argocd');
    table.index(
      ['entity_ref', 'status_updated_at'],
      'pipeline_deployments_entity_idx',
    );
    table.index(['entity_ref', 'sha'], 'pipeline_deployments_sha_idx');
    table.index(['created_at'], 'pipeline_deployments_created_idx');
  });

  await knex.schema.createTable('pipeline_changes', table => {
    table.comment('Commits pushed and pull requests merged: lead time');
    table.string('repository', 255).notNullable();
    table.string('sha', 64).notNullable();
    table.string('entity_ref', 400).notNullable();
    table
      .string('head_sha', 64)
      .notNullable()
      .comment('The commit a deployment of this change carries');
    table
      .bigInteger('changed_at')
      .notNullable()
      .comment('Commit time (push) or merge time (pull request)');
    table.primary(['repository', 'sha']);
    table.index(['entity_ref', 'head_sha'], 'pipeline_changes_head_idx');
    table.index(['changed_at'], 'pipeline_changes_changed_idx');
  });

  await knex.schema.createTable('pipeline_deliveries', table => {
    table.comment('Deliveries already stored: a replay is ignored');
    table.string('delivery_id', 128).primary().notNullable();
    table.string('topic', 64).notNullable();
    table.bigInteger('received_at').notNullable();
    table.index(['received_at'], 'pipeline_deliveries_received_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pipeline_deliveries');
  await knex.schema.dropTable('pipeline_changes');
  await knex.schema.dropTable('pipeline_deployments');
  await knex.schema.dropTable('pipeline_artifacts');
  await knex.schema.dropTable('pipeline_jobs');
  await knex.schema.dropTable('pipeline_runs');
};

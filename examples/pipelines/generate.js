#!/usr/bin/env node
/*
 * Writes the example GitHub deliveries of three example components, four
 * weeks of history each, from the real payload shapes of
 * @octokit/webhooks-examples (each delivery is a real example with our
 * values put in, and bulky fields the pipelines backend never reads
 * trimmed).
 *
 *   node examples/pipelines/generate.js
 *
 * The pipelines backend replays these at startup when
 * `pipelines.examples.load` is true, shifted so that the history ends now.
 * Times here are fixed, so regenerating gives the same files.
 */
const { createHash } = require('node:crypto');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const examples = require(require.resolve('@octokit/webhooks-examples', {
  paths: [join(__dirname, '../../plugins/pipelines-backend')],
}));

/** The end of the history; the replay moves it to now. */
const END = Date.parse('2026-12-01T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function example(event, index = 0) {
  const group = examples.find(e => e.name === event);
  return structuredClone(group.examples[index]);
}

const sha = text => createHash('sha1').update(text).digest('hex');
const iso = ms => new Date(ms).toISOString().replace('.000Z', 'Z');
const number = text => parseInt(sha(text).slice(0, 9), 16);

function repository(slug) {
  const [owner, name] = slug.split('/');
  return {
    id: number(slug) % 1e9,
    node_id: `R_${sha(slug).slice(0, 12)}`,
    name,
    full_name: slug,
    private: true,
    owner: { login: owner, id: number(owner) % 1e8, type: 'Organization' },
    html_url: `https://github.com/${slug}`,
    default_branch: 'main',
  };
}

/**
 * GitHub logins are the example users' names (examples/org.yaml), so the
 * portal finds the catalog user behind each author and approver.
 */
const sender = login => ({ login, id: number(login) % 1e8, type: 'User' });

/**
 * One change going out: a pull request merged (its commits pushed), CI
 * with two jobs, then deployments to staging and production. `production`
 * says how that one ends: 'success', 'failure', or 'argocd' (Argo CD
 * syncs it instead of a GitHub deployment; `argoFails` makes it fail).
 */
function cycle(component, n, at, options = {}) {
  const { slug, dev, reviewer } = component;
  const repo = repository(slug);
  const head = sha(`${slug}#${n}`);
  const commits = [2, 1].map(k => ({
    id: sha(`${slug}#${n}.${k}`),
    timestamp: iso(at - k * (40 + (n % 3) * 25) * MINUTE),
  }));
  commits.push({ id: head, timestamp: iso(at) });
  const deliveries = [];
  const add = (topic, payload) =>
    deliveries.push({
      topic,
      deliveryId: `example-${sha(`${slug}#${n}#${deliveries.length}`).slice(
        0,
        32,
      )}`,
      payload,
    });

  const pr = example('pull_request', 3);
  Object.assign(pr, { action: 'closed', number: 100 + n, repository: repo });
  pr.sender = sender(dev);
  delete pr.organization;
  pr.pull_request = {
    number: 100 + n,
    title: options.title ?? `Change ${n}`,
    state: 'closed',
    merged: true,
    merged_at: iso(at),
    merge_commit_sha: head,
    created_at: iso(at - 5 * HOUR),
    user: sender(dev),
    base: { ref: 'main' },
    head: { ref: `change-${n}` },
  };
  add('github.pull_request', pr);

  const push = example('push', 4);
  Object.assign(push, {
    ref: 'refs/heads/main',
    before: sha(`${slug}#${n - 1}`),
    after: head,
    repository: repo,
    pusher: { name: reviewer },
    sender: sender(reviewer),
    commits: commits.map(c => ({
      id: c.id,
      message: `Change ${n}`,
      timestamp: c.timestamp,
      author: { name: dev, username: dev },
    })),
  });
  push.head_commit = push.commits[push.commits.length - 1];
  delete push.organization;
  add('github.push', push);

  const runId = number(`${slug}#${n}#run`);
  const ciFails = options.ci === 'failure';
  const run = status => {
    const payload = example('workflow_run', 1);
    const done = status === 'completed';
    Object.assign(payload, {
      action: done ? 'completed' : 'requested',
      repository: repo,
      sender: sender(reviewer),
    });
    delete payload.organization;
    const wr = payload.workflow_run;
    for (const key of ['repository', 'head_repository', 'head_commit']) {
      delete wr[key];
    }
    Object.assign(wr, {
      id: runId,
      name: 'CI',
      run_number: 200 + n,
      run_attempt: 1,
      event: 'push',
      head_branch: 'main',
      head_sha: head,
      status,
      conclusion: done ? (ciFails ? 'failure' : 'success') : null,
      created_at: iso(at + MINUTE),
      run_started_at: iso(at + MINUTE),
      updated_at: iso(at + (done ? 9 : 1) * MINUTE),
      html_url: `https://github.com/${slug}/actions/runs/${runId}`,
      actor: sender(reviewer),
      triggering_actor: sender(reviewer),
    });
    return payload;
  };
  add('github.workflow_run', run('queued'));

  for (const [j, name] of ['build', 'test'].entries()) {
    const payload = example('workflow_job', 2);
    payload.repository = repo;
    payload.sender = sender(reviewer);
    delete payload.organization;
    const start = at + (2 + j * 3) * MINUTE;
    const fails = ciFails && name === 'test';
    const steps = [
      'Set up job',
      'Checkout',
      `Run yarn ${name}`,
      'Complete job',
    ];
    Object.assign(payload.workflow_job, {
      id: number(`${slug}#${n}#${name}`),
      run_id: runId,
      run_attempt: 1,
      workflow_name: 'CI',
      head_branch: 'main',
      head_sha: head,
      name,
      status: 'completed',
      conclusion: fails ? 'failure' : 'success',
      created_at: iso(start - 30_000),
      started_at: iso(start),
      completed_at: iso(start + 3 * MINUTE),
      runner_name: `finops-runner-${(n + j) % 4}`,
      html_url: `https://github.com/${slug}/actions/runs/${runId}/job/${number(
        `${slug}#${n}#${name}`,
      )}`,
      run_url: `https://api.github.com/repos/${slug}/actions/runs/${runId}`,
      steps: steps.map((step, k) => ({
        name: step,
        status: 'completed',
        conclusion: fails && k === 2 ? 'failure' : 'success',
        number: k + 1,
        started_at: iso(start + k * 40_000),
        completed_at: iso(start + (k + 1) * 40_000),
      })),
    });
    add('github.workflow_job', payload);
  }
  add('github.workflow_run', run('completed'));
  if (ciFails) return deliveries;

  const deploy = (environment, createdAt, state, finishedAt) => {
    const id = number(`${slug}#${n}#${environment}`);
    const deployment = {
      ...example('deployment', 0).deployment,
      id,
      node_id: `DE_${sha(`${id}`).slice(0, 12)}`,
      url: `https://api.github.com/repos/${slug}/deployments/${id}`,
      sha: head,
      ref: `v1.${n}.0`,
      environment,
      original_environment: environment,
      description: `Deploy v1.${n}.0 to ${environment}`,
      payload: environment === 'production' ? { approved_by: reviewer } : {},
      creator: sender(dev),
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
      statuses_url: `https://api.github.com/repos/${slug}/deployments/${id}/statuses`,
      repository_url: `https://api.github.com/repos/${slug}`,
    };
    const created = example('deployment', 0);
    Object.assign(created, { deployment, repository: repo });
    created.sender = sender(dev);
    add('github.deployment', created);
    const status = example('deployment_status', 0);
    Object.assign(status, { deployment, repository: repo });
    status.sender = sender(dev);
    Object.assign(status.deployment_status, {
      id: number(`${id}#status`) % 1e9,
      state,
      environment,
      description: state === 'success' ? 'Deployed' : 'Health checks failed',
      target_url: `https://github.com/${slug}/actions/runs/${runId}`,
      environment_url: `https://${
        environment === 'production' ? '' : `${environment}.`
      }${repo.name}.finops.example`,
      creator: sender(dev),
      created_at: iso(finishedAt),
      updated_at: iso(finishedAt),
      deployment_url: deployment.url,
      repository_url: deployment.repository_url,
    });
    add('github.deployment_status', status);
  };
  deploy('staging', at + 11 * MINUTE, 'success', at + 15 * MINUTE);
  const prodAt = at + (options.prodDelay ?? 2 * HOUR);
  if (options.production === 'argocd') {
    const sync = {
      app: component.argoApp,
      revision: head,
      syncStatus: 'Synced',
      healthStatus: options.argoFails ? 'Degraded' : 'Healthy',
      phase: 'Succeeded',
      startedAt: iso(prodAt),
      finishedAt: iso(prodAt + 4 * MINUTE),
      environment: 'production',
      initiatedBy: reviewer,
    };
    deliveries.push({
      topic: 'argocd',
      deliveryId: `example-${sha(`${slug}#${n}#argocd`).slice(0, 32)}`,
      payload: sync,
    });
  } else {
    deploy(
      'production',
      prodAt,
      options.production ?? 'success',
      prodAt + 6 * MINUTE,
    );
  }
  return deliveries;
}

const components = [
  {
    file: 'card-payments.json',
    slug: 'finops-example/card-payments',
    dev: 'lucas-ferreira',
    reviewer: 'priya-nair',
    // Twice a week; ten days ago a release failed in production and a fix
    // went out three hours later.
    cycles: [27, 24, 20, 17, 13, 10, 6, 3, 1].map((daysAgo, n) => ({
      daysAgo,
      ...(daysAgo === 10 ? { production: 'failure' } : {}),
    })),
    fixes: [{ after: 10, hours: 3 }],
  },
  {
    file: 'payments-gateway.json',
    slug: 'finops-example/payments-gateway',
    dev: 'priya-nair',
    reviewer: 'mei-tanaka',
    cycles: [26, 21, 19, 14, 12, 7, 5, 2].map((daysAgo, n) => ({
      daysAgo,
      ...(n === 3 ? { ci: 'failure' } : {}),
    })),
    fixes: [],
  },
  {
    file: 'ledger-service.json',
    slug: 'finops-example/ledger-service',
    argoApp: 'ledger-service-prod',
    dev: 'tomasz-kowalski',
    reviewer: 'ines-duarte',
    // Production is synced by Argo CD; one sync came up degraded.
    cycles: [25, 18, 11, 8, 4].map(daysAgo => ({
      daysAgo,
      production: 'argocd',
      argoFails: daysAgo === 8,
      prodDelay: 5 * HOUR,
    })),
    fixes: [{ after: 8, hours: 7, production: 'argocd' }],
  },
];

for (const component of components) {
  const deliveries = [];
  let n = 0;
  for (const c of component.cycles) {
    n += 1;
    const at = END - c.daysAgo * DAY - (3 + (n % 4)) * HOUR;
    deliveries.push(...cycle(component, n, at, c));
    for (const fix of component.fixes.filter(f => f.after === c.daysAgo)) {
      n += 1;
      deliveries.push(
        ...cycle(component, n, at + fix.hours * HOUR, {
          title: 'Fix the failed release',
          prodDelay: 30 * MINUTE,
          production: fix.production,
        }),
      );
    }
  }
  writeFileSync(
    join(__dirname, component.file),
    `${JSON.stringify({ deliveries }, null, 2)}\n`,
  );
  console.log(`${component.file}: ${deliveries.length} deliveries`);
}

// What hadolint does not check about a golden path's Dockerfile:
//
//   node check-dockerfile.mjs <Dockerfile>
//
// - every base image has an exact version tag (never `latest` or a bare
//   major version), or a digest; distroless images, which publish no version
//   tags, need at least a tag, and Renovate pins their digest;
// - the final stage runs as a numeric, non-root user (Kubernetes'
//   runAsNonRoot can verify only a numeric USER).

import { readFile } from 'node:fs/promises';

const UNVERSIONED_IMAGES = /^gcr\.io\/distroless\//;
const EXACT_VERSION = /^v?\d+\.\d+\.\d+/;

const file = process.argv[2];
const lines = (await readFile(file, 'utf8'))
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map(line => line.trim())
  .filter(line => line && !line.startsWith('#'));

const problems = [];
const stages = new Set();
let finalUser;
for (const line of lines) {
  const [instruction, ...rest] = line.split(/\s+/);
  switch (instruction.toUpperCase()) {
    case 'FROM': {
      const words = rest.filter(word => !word.startsWith('--'));
      const [image, as, stage] = words;
      if (as?.toUpperCase() === 'AS' && stage) stages.add(stage);
      finalUser = undefined;
      if (stages.has(image) && image !== stage) break;
      const [reference, digest] = image.split('@');
      const slash = reference.lastIndexOf('/');
      const colon = reference.lastIndexOf(':');
      const tag = colon > slash ? reference.slice(colon + 1) : undefined;
      const repository = colon > slash ? reference.slice(0, colon) : reference;
      if (digest) break;
      if (!tag || tag === 'latest') {
        problems.push(`FROM ${image}: pin an exact version tag`);
      } else if (
        !EXACT_VERSION.test(tag) &&
        !UNVERSIONED_IMAGES.test(repository)
      ) {
        problems.push(
          `FROM ${image}: "${tag}" is not an exact version (e.g. 1.2.3-slim)`,
        );
      }
      break;
    }
    case 'USER':
      finalUser = rest.join(' ');
      break;
    default:
  }
}

const user = /^(\d+)(?::(\d+))?$/.exec(finalUser ?? '');
if (!user) {
  problems.push(
    `the final stage must set a numeric USER (uid[:gid]), found ${
      finalUser ?? 'none'
    }`,
  );
} else if (Number(user[1]) === 0) {
  problems.push('the final stage runs as root (USER 0)');
}

if (problems.length > 0) {
  console.error(problems.map(problem => `- ${problem}`).join('\n'));
  process.exit(1);
}
console.log(`base images pinned, final stage runs as ${finalUser}`);

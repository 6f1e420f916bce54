/*
 * With --profile the backends run with V8's --cpu-prof; this reads the
 * profile back and says where the CPU went while the backend was measured
 * (start-up and the other targets' turns are left out by sample time:
 * V8's profile clock and process.hrtime are both the monotonic clock).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A measurement window in microseconds of the monotonic clock. */
export interface Window {
  startUs: number;
  endUs: number;
}

export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

const TOP = 12;

export function summarizeProfile(
  profileDir: string,
  windows: Window[],
): string {
  const file = readdirSync(profileDir).find(f => f.endsWith('.cpuprofile'));
  if (!file) return `no CPU profile in ${profileDir}`;
  const profile = JSON.parse(
    readFileSync(join(profileDir, file), 'utf8'),
  ) as CpuProfile;
  const byId = new Map(profile.nodes.map(n => [n.id, n]));

  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i];
    if (!windows.some(w => time >= w.startUs && time <= w.endUs)) return;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') return;
    total += 1;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + 1);
    const fn = `${functionName || '(anonymous)'} ${shortUrl(url)}:${
      lineNumber + 1
    }`;
    functions.set(fn, (functions.get(fn) ?? 0) + 1);
  });
  if (total === 0) return `no busy samples while measured (${file})`;

  const top = (counts: Map<string, number>) =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(
        ([name, n]) =>
          `  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`,
      );
  return [
    `${total} samples while measured, idle left out; self time, so a`,
    'synchronous native call (SQLite, fsync) counts for the JS frame calling it',
    'by package:',
    ...top(areas),
    'by function:',
    ...top(functions),
  ].join('\n');
}

/** The package a frame belongs to: a dependency, one of ours, or Node. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName; // (garbage collector), (program)
  const dep = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dep) return dep[1];
  const ours = url.match(/\/plugins\/([^/]+)\//);
  if (ours) return `@finops/${ours[1]}`;
  if (url.startsWith('node:')) return url; // node:zlib, node:internal/...
  return shortUrl(url);
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/(plugins|bench)\//, '$1/');
}

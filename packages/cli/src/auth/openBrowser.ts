import { spawn } from 'node:child_process';

/**
 * Opens a URL with the desktop's handler (open, xdg-open, start). Resolves
 * once the handler started; rejects when there is none (a server, a
 * container), so the caller can say "open it yourself".
 */
export function openBrowser(url: string): Promise<void> {
  const [command, args] = opener(url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') {
    // cmd's start takes a window title first, and & must be escaped.
    return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  }
  return ['xdg-open', [url]];
}

import { open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { PLANTED_SECRETS_FILE, PlantedSecret } from './plantedSecrets';

/**
 * Looks for planted secret values in what the suites left behind: backend
 * logs, recorded HTTP responses, database dumps (scaffolder task logs
 * included: they are rows of the scaffolder's tables) and SQLite database
 * files. A value is looked for as written and in the encodings a careless
 * log line or response would carry it in.
 */
export interface Leak {
  secret: string;
  file: string;
  encoding: string;
}

/**
 * Inputs rather than outputs: the configuration each backend was given,
 * the suites' own state (the tests need the token), the registries, and
 * Playwright's traces of the test side.
 */
const NOT_OUTPUTS: RegExp[] = [
  /\.app-config\.(json|ya?ml)$/,
  new RegExp(`(^|/)${PLANTED_SECRETS_FILE.replace('.', '\\.')}$`),
  /(^|\/)state\.json$/,
  /(^|\/)results\//,
];

const CHUNK_BYTES = 8 * 1024 * 1024;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0');

function needles(secret: PlantedSecret) {
  const forms: Array<[string, string]> = [
    ['as written', secret.value],
    ['base64', Buffer.from(secret.value).toString('base64')],
    ['base64url', Buffer.from(secret.value).toString('base64url')],
    ['URL-encoded', encodeURIComponent(secret.value)],
    ['JSON-escaped', JSON.stringify(secret.value).slice(1, -1)],
  ];
  const unique = new Map<string, string>();
  for (const [encoding, text] of forms) {
    if (!unique.has(text)) unique.set(text, encoding);
  }
  return [...unique].map(([text, encoding]) => ({
    encoding,
    bytes: Buffer.from(text),
  }));
}

/** Every regular file under these directories that a backend wrote. */
export async function outputFiles(roots: string[]): Promise<string[]> {
  return (await allFiles(roots)).filter(
    file => !NOT_OUTPUTS.some(pattern => pattern.test(file)),
  );
}

/** The planted-secret registries of every suite under these directories. */
export async function registryFiles(roots: string[]): Promise<string[]> {
  return (await allFiles(roots)).filter(file =>
    file.endsWith(`/${PLANTED_SECRETS_FILE}`),
  );
}

async function allFiles(roots: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') {
          await walk(path);
        }
      } else if (entry.isFile()) {
        files.push(path);
      }
    }
  };
  for (const root of roots) await walk(root);
  return files;
}

/** Each occurrence of a needle in a file, read in overlapping chunks. */
async function scanBytes(
  file: string,
  secrets: PlantedSecret[],
): Promise<Array<Omit<Leak, 'file'>>> {
  const all = secrets.flatMap(secret =>
    needles(secret).map(n => ({ ...n, secret: secret.name })),
  );
  const overlap = Math.max(0, ...all.map(n => n.bytes.length)) - 1;
  const found = new Map<string, Omit<Leak, 'file'>>();
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES + overlap);
    let kept = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, kept, CHUNK_BYTES);
      const window = buffer.subarray(0, kept + bytesRead);
      for (const n of all) {
        if (window.indexOf(n.bytes) >= 0) {
          found.set(`${n.secret}\0${n.encoding}`, {
            secret: n.secret,
            encoding: n.encoding,
          });
        }
      }
      if (bytesRead === 0) break;
      kept = Math.min(overlap, window.length);
      window.copy(buffer, 0, window.length - kept);
    }
  } finally {
    await handle.close();
  }
  return [...found.values()];
}

async function isSqlite(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    await handle.read(header, 0, header.length, 0);
    return header.equals(SQLITE_HEADER);
  } finally {
    await handle.close();
  }
}

/**
 * A SQLite database, row by row: a value split over overflow pages is not
 * contiguous in the file, so the raw scan alone could miss it.
 */
function sqliteLeaks(file: string, secrets: PlantedSecret[]) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all() as Array<{ name: string }>;
    const found = new Map<string, Omit<Leak, 'file'>>();
    for (const { name } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      for (const row of db.prepare(`SELECT * FROM ${quoted}`).iterate()) {
        const text = Object.values(row as object)
          .map(v => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
          .join('\n');
        for (const secret of secrets) {
          for (const n of needles(secret)) {
            if (text.includes(n.bytes.toString())) {
              found.set(`${secret.name}\0${n.encoding}`, {
                secret: secret.name,
                encoding: `${n.encoding}, in table ${name}`,
              });
            }
          }
        }
      }
    }
    return [...found.values()];
  } finally {
    db.close();
  }
}

export interface ScanResult {
  leaks: Leak[];
  filesScanned: number;
  bytesScanned: number;
  sqliteDatabases: number;
}

export async function scanForSecrets(
  files: string[],
  secrets: PlantedSecret[],
  relativeTo: string,
): Promise<ScanResult> {
  const result: ScanResult = {
    leaks: [],
    filesScanned: 0,
    bytesScanned: 0,
    sqliteDatabases: 0,
  };
  if (secrets.length === 0) {
    throw new Error('no planted secrets to look for: nothing would be found');
  }
  for (const file of files) {
    const name = relative(relativeTo, file);
    const found = await scanBytes(file, secrets);
    if (await isSqlite(file)) {
      result.sqliteDatabases += 1;
      found.push(...sqliteLeaks(file, secrets));
    }
    result.leaks.push(...found.map(leak => ({ ...leak, file: name })));
    result.filesScanned += 1;
    result.bytesScanned += (await stat(file)).size;
  }
  return result;
}

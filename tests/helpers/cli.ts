import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let built = false;

/**
 * `npm test` builds before jest; `npx jest tests/...` may not have. Builds
 * once per worker, under a lock so two workers never run tsc on dist at once.
 */
export function ensureBuilt(): void {
  if (built) return;
  const lock = path.join(ROOT, 'dist', '.build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than any build is left over from a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is held: remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.js')], { cwd: ROOT, stdio: 'inherit' });
    built = true;
  } finally {
    fs.rmdirSync(lock);
  }
}

/** Starts `habari <args>` (the built CLI) with DATABASE_URL and test defaults. */
export function startCli(args: string[], databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  ensureBuilt();
  return spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: '', DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `habari <args>` to the end and collects its output. */
export function runCli(args: string[], databaseUrl: string, env: Record<string, string> = {}): Promise<CliResult> {
  const child = startCli(args, databaseUrl, env);
  return collect(child);
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** "Imported 1 file(s): 3 created, 0 updated, 0 unchanged, 1 failed in 0.2 s (15 articles/s)." as numbers. */
export function summaryOf(stdout: string): { created: number; updated: number; unchanged: number; failed: number; rate: number } {
  const match = /(\d+) created, (\d+) updated, (\d+) unchanged, (\d+) failed in [\d.]+ s \((\d+) articles\/s\)/.exec(stdout);
  if (!match) throw new Error(`no summary line in: ${stdout}`);
  const [created, updated, unchanged, failed, rate] = match.slice(1).map(Number);
  return { created, updated, unchanged, failed, rate };
}

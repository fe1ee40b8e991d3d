import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * runWithHeapCap (src/cli/heap-cap.ts), as `habari reindex` uses it: the
 * command runs again on a worker thread with the heap limit, its exit code
 * is the command's, and the worker threads it starts keep their own limits
 * (under a --max-old-space-size flag they would all get the flag's). Runs
 * the built module (npm test builds first).
 */
describe('heap cap for long commands', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-heap-cap-'));
  const script = path.join(dir, 'capped.js');
  const built = path.resolve(__dirname, '../dist/src/cli/heap-cap.js');
  fs.writeFileSync(
    script,
    `const { runWithHeapCap } = require(${JSON.stringify(built)});
     const { isMainThread, threadId, Worker } = require('node:worker_threads');
     const v8 = require('node:v8');
     const mb = (bytes) => Math.round(bytes / 1048576);
     runWithHeapCap(__filename, 200).then((code) => {
       if (code !== null) { process.exitCode = code; return; }
       // A worker of the command's own, with its own limit (as reindex's counting and ranking workers).
       const nested = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)", { eval: true, resourceLimits: { maxOldGenerationSizeMb: 48 } });
       nested.once('message', (nestedLimit) => {
         console.log(JSON.stringify({ limitMb: mb(v8.getHeapStatistics().heap_size_limit), nestedLimitMb: mb(nestedLimit), isMainThread, threadId, argv: process.argv.slice(2) }));
         process.exitCode = 3;
       });
     });`,
  );
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the command on a thread with the heap limit, passes its exit code on, and leaves its workers their own limits', () => {
    const run = spawnSync(process.execPath, [script, 'reindex', '--all'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.status).toBe(3);
    const { limitMb, nestedLimitMb, isMainThread, argv } = JSON.parse(run.stdout.trim());
    expect(isMainThread).toBe(false);
    expect(argv).toEqual(['reindex', '--all']);
    // The old generation's 200 MB plus the young generation's semi-spaces.
    expect(limitMb).toBeGreaterThanOrEqual(200);
    expect(limitMb).toBeLessThan(300);
    expect(nestedLimitMb).toBeGreaterThanOrEqual(48);
    expect(nestedLimitMb).toBeLessThan(100);
  });

  it('keeps a limit the operator gave, on the main thread', () => {
    const run = spawnSync(process.execPath, ['--max-old-space-size=900', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.status).toBe(3);
    const { limitMb, isMainThread } = JSON.parse(run.stdout.trim());
    expect(isMainThread).toBe(true);
    expect(limitMb).toBeGreaterThanOrEqual(900);
  });

  it('runs the command again in a process with malloc tuned for worker threads, unless the operator set it', () => {
    const tuned = path.join(dir, 'tuned.js');
    fs.writeFileSync(
      tuned,
      `const { rerunWithMallocTuning, MALLOC_TUNING } = require(${JSON.stringify(built)});
       rerunWithMallocTuning().then((code) => {
         if (code !== null) { process.exitCode = code; return; }
         console.log(JSON.stringify({ pid: process.pid, arenas: process.env.MALLOC_ARENA_MAX, threshold: process.env.MALLOC_MMAP_THRESHOLD_, tuning: MALLOC_TUNING }));
         process.exitCode = 4;
       });`,
    );
    const env = { ...process.env, NODE_OPTIONS: '', MALLOC_ARENA_MAX: undefined, MALLOC_MMAP_THRESHOLD_: undefined };
    const run = spawnSync(process.execPath, [tuned], { encoding: 'utf8', env });
    expect(run.status).toBe(4);
    const child = JSON.parse(run.stdout.trim());
    expect(child.pid).not.toBe(run.pid);
    expect({ MALLOC_ARENA_MAX: child.arenas, MALLOC_MMAP_THRESHOLD_: child.threshold }).toEqual(child.tuning);

    const given = spawnSync(process.execPath, [tuned], { encoding: 'utf8', env: { ...env, MALLOC_ARENA_MAX: '8' } });
    expect(given.status).toBe(4);
    expect(JSON.parse(given.stdout.trim())).toMatchObject({ pid: given.pid, arenas: '8' });
  });

  it('says how to give more heap when the command runs out of it, and exits 1', () => {
    const hungry = path.join(dir, 'hungry.js');
    fs.writeFileSync(
      hungry,
      `const { runWithHeapCap } = require(${JSON.stringify(built)});
       runWithHeapCap(__filename, 64).then((code) => {
         if (code !== null) { process.exitCode = code; return; }
         const kept = [];
         for (;;) kept.push(new Array(1000).fill({ n: kept.length }));
       });`,
    );
    const run = spawnSync(process.execPath, [hungry], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Out of its 64 MB heap: give a larger one with node --max-old-space-size=<MB>');
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * rerunWithHeapCap (src/cli/heap-cap.ts), as `habari reindex` uses it: the
 * command runs again in a child with the heap limit, and its exit code is
 * the command's. Runs the built module (npm test builds first).
 */
describe('heap cap for long commands', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habari-heap-cap-'));
  const script = path.join(dir, 'capped.js');
  const built = path.resolve(__dirname, '../dist/src/cli/heap-cap.js');
  fs.writeFileSync(
    script,
    `const { rerunWithHeapCap } = require(${JSON.stringify(built)});
     const v8 = require('node:v8');
     rerunWithHeapCap(200).then((code) => {
       if (code !== null) { process.exitCode = code; return; }
       console.log(JSON.stringify({ limitMb: Math.round(v8.getHeapStatistics().heap_size_limit / 1048576), pid: process.pid }));
       process.exitCode = 3;
     });`,
  );
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the command in a child with the heap limit and passes its exit code on', () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.status).toBe(3);
    const { limitMb, pid } = JSON.parse(run.stdout.trim());
    expect(pid).not.toBe(run.pid);
    // The old generation's 200 MB plus the young generation's semi-spaces.
    expect(limitMb).toBeGreaterThanOrEqual(200);
    expect(limitMb).toBeLessThan(300);
  });

  it('keeps a limit the operator gave', () => {
    const run = spawnSync(process.execPath, ['--max-old-space-size=900', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.status).toBe(3);
    const { limitMb, pid } = JSON.parse(run.stdout.trim());
    expect(pid).toBe(run.pid);
    expect(limitMb).toBeGreaterThanOrEqual(900);
  });
});

import type { Logger } from '../logging/logger';
import { startRepeatingTask } from './repeating-task';

const recordingLogger = (errors: string[]) => ({ error: (_fields: unknown, message: string) => errors.push(message) }) as unknown as Logger;

describe('startRepeatingTask', () => {
  it('never overlaps runs, logs a failed run and runs again, and stop() waits for the run in progress', async () => {
    const errors: string[] = [];
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release!: () => void;
    const lastRunHeld = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const task = startRepeatingTask(
      async () => {
        runs += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        try {
          if (runs === 1) throw new Error('first run fails');
          if (runs === 3) {
            await lastRunHeld;
            finished = true;
          } else await new Promise((resolve) => setTimeout(resolve, 5));
        } finally {
          active -= 1;
        }
      },
      { everyMs: 1, firstAfterMs: 0, logger: recordingLogger(errors), failureMessage: 'the run failed' },
    );
    while (runs < 3) await new Promise((resolve) => setTimeout(resolve, 2));
    const stopped = task.stop();
    let stopReturned = false;
    void stopped.then(() => (stopReturned = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopReturned).toBe(false);
    release();
    await stopped;
    expect(finished).toBe(true);
    expect(maxActive).toBe(1);
    expect(errors).toEqual(['the run failed']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(3);
  });
});

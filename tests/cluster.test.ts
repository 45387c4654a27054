import { describe, expect, it } from 'vitest';
import { defaultWorkers, workersFrom } from '../bot/cluster.ts';

describe('how many server processes run on one port (--workers)', () => {
  it('defaults to one per core, at least one and at most eight', () => {
    expect(defaultWorkers(2)).toBe(2);
    expect(defaultWorkers(1)).toBe(1);
    expect(defaultWorkers(32)).toBe(8);
  });

  it('takes --workers before WORKERS, and WORKERS before the default', () => {
    expect(workersFrom(['node', 'main.ts', '--workers', '3'], { WORKERS: '1' }, 2)).toBe(3);
    expect(workersFrom(['node', 'main.ts'], { WORKERS: '1' }, 2)).toBe(1);
    expect(workersFrom(['node', 'main.ts'], {}, 4)).toBe(4);
  });

  it('refuses a count that is not a whole number from 1 to 64, saying so', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '65']) expect(() => workersFrom(['--workers', bad], {}, 2)).toThrow(/--workers must be a whole number from 1 to 64/);
  });
});

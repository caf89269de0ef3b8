import { describe, expect, it } from 'vitest';
import { stepInstance, type InstanceTiming, type Observation } from './instance-state';

const normal: InstanceTiming = { state: 'normal', since: 0, firedAt: null };

/** Feeds one observation a second and returns the states and the events. */
function run(observations: Observation[], rule = { forSeconds: 0, keepFiringForSeconds: 0 }) {
  let timing = normal;
  const seen: string[] = [];
  observations.forEach((observation, i) => {
    const { next, event } = stepInstance(timing, observation, rule, (i + 1) * 1000);
    timing = next;
    seen.push(event ? `${next.state}:${event}` : next.state);
  });
  return seen;
}

describe('an alert instance', () => {
  it('fires at once without a pending period, and resolves when the condition clears', () => {
    expect(run(['breach', 'breach', 'clear'])).toEqual(['firing:fired', 'firing', 'normal:resolved']);
  });

  it('waits out its pending period before firing, and a clear in between starts over without a page', () => {
    const rule = { forSeconds: 3, keepFiringForSeconds: 0 };
    expect(run(['breach', 'breach', 'clear', 'breach', 'breach', 'breach', 'breach'], rule)).toEqual([
      'pending',
      'pending',
      'normal',
      'pending',
      'pending',
      'pending',
      'firing:fired',
    ]);
  });

  it('keeps firing for its keep-firing period, and a breach in it is the same alert', () => {
    const rule = { forSeconds: 0, keepFiringForSeconds: 2 };
    expect(run(['breach', 'clear', 'breach', 'clear', 'clear', 'clear'], rule)).toEqual([
      'firing:fired',
      'recovering',
      'firing',
      'recovering',
      'recovering',
      'normal:resolved',
    ]);
  });

  it('holds its condition between the recovery line and the threshold', () => {
    expect(run(['hold', 'breach', 'hold', 'hold', 'clear', 'hold'])).toEqual([
      'normal',
      'firing:fired',
      'firing',
      'firing',
      'normal:resolved',
      'normal',
    ]);
  });

  it('changes nothing on missing data, however long', () => {
    const rule = { forSeconds: 2, keepFiringForSeconds: 0 };
    expect(run(['breach', 'unknown', 'unknown', 'unknown', 'breach'], rule)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
      'firing:fired',
    ]);
  });

  it('does not page when a node flaps every 10 s under a 30 s pending period', () => {
    const flapping = Array.from({ length: 60 }, (_, s): Observation =>
      Math.floor(s / 10) % 2 === 0 ? 'breach' : 'clear',
    );
    expect(run(flapping, { forSeconds: 30, keepFiringForSeconds: 0 }).filter((s) => s.includes(':'))).toEqual([]);
  });
});

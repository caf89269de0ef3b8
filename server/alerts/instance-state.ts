/**
 * One alert instance (a rule on one node, or on the cluster) from one evaluation to the next:
 * Normal → Pending (`forSeconds`) → Firing → Recovering (`keepFiringForSeconds`) → Normal, as Grafana
 * names them. Pure: the monitor persists what this returns.
 *
 * What an evaluation saw of the instance's condition:
 *   breach   the condition holds (a node Down, a value past the threshold)
 *   clear    it does not (a value back past the recovery line)
 *   hold     a value between the recovery line and the threshold: the condition stays as it last was
 *   unknown  no data (the node gave no reading): nothing changes, no timer runs out on missing data
 */

export type InstanceState = 'normal' | 'pending' | 'firing' | 'recovering';
export type Observation = 'breach' | 'clear' | 'hold' | 'unknown';

export interface InstanceTiming {
  state: InstanceState;
  /** When the current state began (ms). */
  since: number;
  /** When it last went Pending → Firing, null before. */
  firedAt: number | null;
}

export interface Transition {
  next: InstanceTiming;
  /** Firing began (from Normal or Pending), or the alert is over (from Firing or Recovering). */
  event: 'fired' | 'resolved' | null;
}

export function stepInstance(
  current: InstanceTiming,
  observation: Observation,
  rule: { forSeconds: number; keepFiringForSeconds: number },
  now: number,
): Transition {
  const stay: Transition = { next: current, event: null };
  if (observation === 'unknown') return stay;
  const breaching =
    observation === 'breach' || (observation === 'hold' && (current.state === 'pending' || current.state === 'firing'));
  const fire: Transition = { next: { state: 'firing', since: now, firedAt: now }, event: 'fired' };
  const normal = (event: Transition['event']): Transition => ({
    next: { state: 'normal', since: now, firedAt: current.firedAt },
    event,
  });

  switch (current.state) {
    case 'normal':
      if (!breaching) return stay;
      return rule.forSeconds === 0
        ? fire
        : { next: { state: 'pending', since: now, firedAt: current.firedAt }, event: null };
    case 'pending':
      if (!breaching) return normal(null);
      return now - current.since >= rule.forSeconds * 1000 ? fire : stay;
    case 'firing':
      if (breaching) return stay;
      return rule.keepFiringForSeconds === 0
        ? normal('resolved')
        : { next: { state: 'recovering', since: now, firedAt: current.firedAt }, event: null };
    case 'recovering':
      // A breach while recovering is the same alert going on: back to Firing, no new page.
      if (breaching) return { next: { state: 'firing', since: now, firedAt: current.firedAt }, event: null };
      return now - current.since >= rule.keepFiringForSeconds * 1000 ? normal('resolved') : stay;
  }
}

export const isActive = (state: InstanceState) => state === 'firing' || state === 'recovering';

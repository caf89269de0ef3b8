/**
 * Rollups of collected samples into min/max/sum/count per step (1 min, 5 min, 2 h). A step is
 * written once it has ended and a grace period has passed; a late sample for a written step is
 * merged and the step written again (the row is an upsert, so the stored aggregate stays exact).
 * Samples later than the kept window are dropped and counted. Pure: time is passed in.
 */
export interface Sample {
  node: string;
  metric: string;
  /** Milliseconds since 1970. */
  ts: number;
  value: number;
}

export interface AggregateRow {
  node: string;
  metric: string;
  /** Start of the step, ms. */
  ts: number;
  min: number;
  max: number;
  sum: number;
  count: number;
}

interface Step extends AggregateRow {
  dirty: boolean;
}

export class Rollup {
  private readonly steps = new Map<string, Step>();
  /** Samples that arrived after their step had left the kept window. */
  droppedLate = 0;

  /**
   * @param stepMs the step length, e.g. 60 000 for 1-minute rollups
   * @param graceMs how long after a step ends it is still expected to receive samples before it is written
   * @param keepMs how long a written step is kept to merge late samples into
   */
  constructor(
    readonly stepMs: number,
    private readonly graceMs: number,
    private readonly keepMs: number,
  ) {}

  stepOf(ts: number): number {
    return Math.floor(ts / this.stepMs) * this.stepMs;
  }

  add(sample: Sample, now: number): void {
    if (!Number.isFinite(sample.value)) return;
    const start = this.stepOf(sample.ts);
    if (start + this.stepMs + this.graceMs + this.keepMs < now) {
      this.droppedLate++;
      return;
    }
    const key = `${sample.node}\u0000${sample.metric}\u0000${start}`;
    const step = this.steps.get(key);
    if (!step) {
      this.steps.set(key, {
        node: sample.node,
        metric: sample.metric,
        ts: start,
        min: sample.value,
        max: sample.value,
        sum: sample.value,
        count: 1,
        dirty: true,
      });
      return;
    }
    step.min = Math.min(step.min, sample.value);
    step.max = Math.max(step.max, sample.value);
    step.sum += sample.value;
    step.count++;
    step.dirty = true;
  }

  /** Steps due to be written (ended, grace passed, changed since last written); forgets steps past the kept window. */
  due(now: number): AggregateRow[] {
    const rows: AggregateRow[] = [];
    for (const [key, step] of this.steps) {
      const end = step.ts + this.stepMs;
      if (end + this.graceMs > now) continue;
      if (step.dirty) {
        step.dirty = false;
        const { dirty: _dirty, ...row } = step;
        rows.push(row);
      }
      if (end + this.graceMs + this.keepMs < now) this.steps.delete(key);
    }
    return rows;
  }

  /** Every step still held, written or not (for a flush at shutdown). */
  pending(): AggregateRow[] {
    return [...this.steps.values()].filter((s) => s.dirty).map(({ dirty: _dirty, ...row }) => row);
  }
}

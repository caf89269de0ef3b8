import { describe, expect, it } from 'vitest';
import type { ClusterEvent } from '../store/events';
import { chartMarks, MARK_SLOTS } from './chart-marks';

const DAY = 86_400_000;
const at = (
  ts: number,
  kind: ClusterEvent['kind'],
  node: string | null = null,
  detail: string = kind,
): ClusterEvent => ({
  ts,
  kind,
  node,
  detail,
});

describe('chartMarks', () => {
  it('groups a burst of schema changes into one mark with its count', () => {
    const burst = Array.from({ length: 200 }, (_, i) => at(1_000 + i * 1_000, 'schema-change', null, `v${i}`));
    const marks = chartMarks(burst, 0, DAY);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ ts: 1_000, count: 200, detail: '200 × schema-change, the last: v199' });
  });
  it('keeps kinds apart, and a node only when every grouped event was about it', () => {
    const marks = chartMarks(
      [at(1_000, 'node-down', '127.0.0.3'), at(2_000, 'node-up', '127.0.0.3'), at(3_000, 'node-down', '127.0.0.2')],
      0,
      DAY,
    );
    expect(marks.map((m) => [m.kind, m.count, m.node])).toEqual([
      ['node-down', 2, null],
      ['node-up', 1, '127.0.0.3'],
    ]);
  });
  it('never draws more than MARK_SLOTS marks of a kind, however many events there are', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => at(i * (DAY / 5_000), 'schema-change'));
    expect(chartMarks(many, 0, DAY).length).toBeLessThanOrEqual(MARK_SLOTS);
  });
  it('keeps every collector gap: each one breaks a node’s line', () => {
    const gaps = [at(1_000, 'collector-gap', '127.0.0.1'), at(1_500, 'collector-gap', '127.0.0.1')];
    expect(chartMarks(gaps, 0, DAY)).toHaveLength(2);
  });
});

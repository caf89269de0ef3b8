import 'server-only';
/**
 * Chart series shared between viewers for a few seconds: every open chart re-reads its series on an
 * interval, and without this each viewer's re-read would be its own read of the history tables (in
 * the monitored cluster by default), so the load on the cluster would grow with the viewers. The
 * same question within SHARED_FOR_MS of the last answer gets that answer (or the read under way).
 */
import { processSingleton } from '../process-singleton';
import type { Aggregate } from './aggregate-series';
import { metricSeries, type SeriesAnswer } from './series';

/** A short range's chart moves every collector poll; a long one's lines hardly move in a minute. */
export function sharedForMs(rangeMs: number): number {
  return rangeMs <= 6 * 3_600_000 ? 10_000 : 60_000;
}

const answers = processSingleton(
  'series-cache',
  () => new Map<string, { at: number; answer: Promise<SeriesAnswer> }>(),
);

export function sharedSeries(
  clusterId: string,
  metric: string,
  rangeMs: number,
  nodes?: string[],
  aggregate?: Aggregate,
  now = Date.now(),
): Promise<SeriesAnswer> {
  const key = JSON.stringify([clusterId, metric, rangeMs, nodes?.length ? [...nodes].sort() : null, aggregate ?? null]);
  const kept = answers.get(key);
  if (kept && now - kept.at < sharedForMs(rangeMs)) return kept.answer;
  // Answers past their time are dropped as new ones come, so the map holds about a minute's questions.
  for (const [k, v] of answers) if (now - v.at >= 60_000) answers.delete(k);
  const answer = metricSeries(clusterId, metric, rangeMs, now, nodes, aggregate);
  answers.set(key, { at: now, answer });
  // A failed read is not shared: the next viewer asks again.
  answer.catch(() => {
    if (answers.get(key)?.answer === answer) answers.delete(key);
  });
  return answer;
}

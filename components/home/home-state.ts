/**
 * The home page's cards as the one live stream builds them: the first message carries every
 * cluster, later ones only what changed (a summary, a sparkline, or both). Pure, so it is tested
 * without a network.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

type LiveOutput = inferRouterOutputs<AppRouter>['home']['live'];
export type HomeMessage = LiveOutput extends AsyncIterable<infer M> ? M : never;
export type ClusterSummary = HomeMessage['summaries'][number];
export type ClusterSparks = HomeMessage['sparks'][number];
export type SparkPoint = ClusterSparks['points'][number];

export interface HomeState {
  summaries: Readonly<Record<string, ClusterSummary>>;
  sparks: Readonly<Record<string, ClusterSparks>>;
}

export const EMPTY_HOME: HomeState = { summaries: {}, sparks: {} };

export function applyHomeMessage(state: HomeState, message: HomeMessage): HomeState {
  const base = message.full ? EMPTY_HOME : state;
  const summaries = { ...base.summaries };
  for (const summary of message.summaries) summaries[summary.id] = summary;
  const sparks = { ...base.sparks };
  for (const spark of message.sparks) sparks[spark.id] = spark;
  return { summaries, sparks };
}

export type Tone = 'ok' | 'bad' | 'warn' | 'neutral';

/** The card's verdict in one word (never colour alone), worst first. */
export function verdictOf(summary: ClusterSummary | undefined): { word: string; tone: Tone } {
  if (!summary || summary.takenAt === null) return { word: 'connecting', tone: 'neutral' };
  if (summary.nothingAnswers) return { word: 'unreachable', tone: 'bad' };
  if (summary.total > 0 && summary.up === 0) return { word: 'down', tone: 'bad' };
  if (summary.downCount > 0) return { word: 'degraded', tone: 'bad' };
  if (summary.error) return { word: 'CQL unreachable', tone: 'bad' };
  if ((summary.alerts?.firing ?? 0) > 0) return { word: 'alerting', tone: 'bad' };
  if (summary.agentErrorCount > 0 || summary.schemaVersions > 1 || summary.pollError)
    return { word: 'attention', tone: 'warn' };
  return { word: 'healthy', tone: 'ok' };
}

/** A card's figures are old when its snapshot is older than this (pollers run every few seconds). */
export const STALE_MS = 15_000;

/**
 * The latest collected values in the Prometheus text exposition format (0.0.4): one gauge family
 * per metric, labelled by cluster and node, plus whether each node answered the last poll. Pure.
 */
import { METRICS } from './catalogue';
import type { LatestValues } from './collector';

const escape = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
const familyName = (metric: string) => `ringside_${metric.replaceAll('.', '_')}`;

export function prometheusText(clusters: { clusterId: string; latest: LatestValues | undefined }[]): string {
  const lines: string[] = [];
  for (const [metric, info] of Object.entries(METRICS)) {
    const samples = clusters.flatMap(({ clusterId, latest }) =>
      Object.entries(latest?.byNode ?? {}).flatMap(([node, values]) =>
        values[metric] === undefined
          ? []
          : [
              `${familyName(metric)}{cluster="${escape(clusterId)}",node="${escape(node)}"} ${values[metric]} ${latest!.at}`,
            ],
      ),
    );
    if (samples.length === 0) continue;
    lines.push(
      `# HELP ${familyName(metric)} ${info.help} (${info.unit.replaceAll('_', ' ')})`,
      `# TYPE ${familyName(metric)} gauge`,
      ...samples,
    );
  }
  const up = clusters.flatMap(({ clusterId, latest }) => [
    ...Object.keys(latest?.byNode ?? {}).map(
      (node) => `ringside_node_answered{cluster="${escape(clusterId)}",node="${escape(node)}"} 1`,
    ),
    ...Object.keys(latest?.missing ?? {}).map(
      (node) => `ringside_node_answered{cluster="${escape(clusterId)}",node="${escape(node)}"} 0`,
    ),
  ]);
  if (up.length)
    lines.push(
      "# HELP ringside_node_answered whether the node answered the collector's last poll",
      '# TYPE ringside_node_answered gauge',
      ...up,
    );
  return `${lines.join('\n')}\n`;
}

'use client';
/**
 * A traced statement as one lane per node, the coordinator's first: each event placed at its time
 * since the session began, listed in the order it happened with its source_elapsed (as cqlsh shows).
 */
import { ErrorBox } from '@/components/ui/error-box';
import { useTrace } from './use-query-data';

export function TraceTimeline({ clusterId, traceId }: { clusterId: string; traceId: string }) {
  const trace = useTrace(clusterId, traceId);
  if (trace.isPending) return <p className="muted">Reading the trace from system_traces…</p>;
  if (trace.isError) return <ErrorBox title="Could not read the trace:" error={trace.error} testId="trace-error" />;
  const t = trace.data;
  const span = Math.max(1, t.durationUs ?? 0, ...t.nodes.flatMap((n) => n.events.map((e) => e.atUs)));
  return (
    <div className="trace" data-testid="trace-timeline">
      <p>
        {t.requestType} · coordinator {t.coordinator} ·{' '}
        {t.durationUs !== null ? `${(t.durationUs / 1000).toFixed(2)} ms` : 'still running'} · trace {t.traceId}
      </p>
      {t.nodes.map((lane) => (
        <div key={lane.node} className="trace-lane" data-testid={`trace-lane-${lane.node}`}>
          <h4>
            {lane.node}
            {lane.node === t.coordinator ? ' (coordinator)' : ''}{' '}
            <span className="muted">{lane.events.length} events</span>
          </h4>
          <div className="trace-bar" aria-hidden>
            {lane.events.map((e, i) => (
              <span
                key={i}
                className="trace-tick"
                style={{ left: `${(100 * e.atUs) / span}%` }}
                title={`${(e.atUs / 1000).toFixed(1)} ms · ${e.thread} · ${e.activity}`}
              />
            ))}
          </div>
          <table className="trace-events">
            <tbody>
              {lane.events.map((e, i) => (
                <tr key={i} data-testid="trace-event">
                  <td className="mono" title="time since the session began">
                    +{(e.atUs / 1000).toFixed(1)} ms
                  </td>
                  <td className="mono" title="source_elapsed">
                    {e.elapsedUs.toLocaleString('en')} µs
                  </td>
                  <td>{e.activity}</td>
                  <td className="muted">{e.thread}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

'use client';
/**
 * /clusters/<id>/alerts: the firing incidents (live), each node's CQL verdict, silences, past incidents
 * and the rules. Operators make and end silences; console administrators change rules and reach the
 * notification destinations. Everything live comes from the page's one `alerts.live` subscription.
 */
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useMayAct } from '@/components/auth/use-cluster-role';
import { useConsoleAdmin } from '@/components/auth/use-console-admin';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import type { IncidentAlert } from './alert-format';
import { AlertsLiveProvider, useAlertsLive } from './alerts-live';
import { IncidentHistory } from './incident-history';
import { FiringIncidents } from './incident-list';
import { NodeVerdicts } from './node-verdicts';
import { RulesPanel } from './rules-panel';
import { emptySilenceForm, silenceFormFor, type SilenceForm } from './silence-form';
import { SilenceEditor, SilenceList } from './silences-panel';
import { useNow } from './use-now';

function AlertsPageBody() {
  const live = useAlertsLive();
  const { clusterId } = live;
  const view = live.data;
  const mayOperate = useMayAct(clusterId, 'operator');
  const consoleAdmin = useConsoleAdmin();
  const now = useNow();
  // "Silence…" on an alert starts a new form (a new key) filled in for it.
  const [draft, setDraft] = useState<{ form: SilenceForm; seq: number }>(() => ({ form: emptySilenceForm(), seq: 0 }));
  const commentRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (draft.seq === 0) return;
    commentRef.current?.scrollIntoView?.({ block: 'center' });
    commentRef.current?.focus();
  }, [draft.seq]);
  const silence = (alert: IncidentAlert) => setDraft((d) => ({ form: silenceFormFor(alert), seq: d.seq + 1 }));
  const openKey = view?.incidents.map((i) => i.id).join(',') ?? '';

  return (
    <div className="alerts" data-testid="alerts-view">
      {consoleAdmin ? (
        <p>
          <Link href="/admin/destinations" data-testid="destinations-link">
            Notification destinations
          </Link>{' '}
          <span className="muted">where incidents are sent (webhooks, Slack, PagerDuty) and what was delivered</span>
        </p>
      ) : null}
      {view && !view.monitored ? (
        <p className="warning" data-testid="alerts-not-monitored">
          The console does not watch this cluster (it is not in alerts.monitorClusters): no rule is evaluated and
          nothing fires here.
        </p>
      ) : null}
      {view?.monitorError ? (
        <ErrorBox
          title="The last evaluation of the rules failed:"
          error={view.monitorError}
          testId="alerts-monitor-error"
        />
      ) : null}

      <h3>Firing</h3>
      <QueryState
        query={live}
        loading="Waiting for the live view…"
        errorTitle="Cannot follow the alerts:"
        errorTestId="alerts-live-error"
      >
        {(v) => (
          <FiringIncidents
            incidents={v.incidents}
            silences={v.silences}
            now={now}
            onSilence={mayOperate ? silence : undefined}
          />
        )}
      </QueryState>

      <h3>Node verdicts</h3>
      <p className="muted">
        Whether each node answers the console&apos;s CQL probe, beside Cassandra&apos;s own Up/Down (node table).
      </p>
      <QueryState query={live} loading="Waiting for the live view…" errorTitle="Cannot follow the probes:">
        {(v) => <NodeVerdicts probes={v.probes} now={now} />}
      </QueryState>

      <h3>Silences</h3>
      <QueryState query={live} loading="Waiting for the live view…" errorTitle="Cannot follow the silences:">
        {(v) => <SilenceList clusterId={clusterId} live={v.silences} mayOperate={mayOperate} />}
      </QueryState>
      {mayOperate ? (
        <SilenceEditor key={draft.seq} clusterId={clusterId} initial={draft.form} focusRef={commentRef} />
      ) : null}

      <h3>History</h3>
      <IncidentHistory clusterId={clusterId} openKey={openKey} />

      <h3>Rules</h3>
      <RulesPanel consoleAdmin={consoleAdmin} />
    </div>
  );
}

export function AlertsPage() {
  return (
    <AlertsLiveProvider>
      <AlertsPageBody />
    </AlertsLiveProvider>
  );
}

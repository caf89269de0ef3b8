'use client';
/** The node page's marks, from the page's one alerts subscription. */
import { AlertsLiveProvider, useAlertsLive } from './alerts-live';
import { NodeAlertBadges } from './node-alert-badges';
import { nodeMarksOf } from './node-marks';

function Badges({ address }: { address: string }) {
  const { clusterId, data } = useAlertsLive();
  return <NodeAlertBadges clusterId={clusterId} address={address} marks={nodeMarksOf(data)} />;
}

export function LiveNodeAlertBadges({ address }: { address: string }) {
  return (
    <AlertsLiveProvider>
      <Badges address={address} />
    </AlertsLiveProvider>
  );
}

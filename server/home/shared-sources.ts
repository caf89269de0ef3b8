import 'server-only';
import { alertsViewPoller } from '../alerts/alerts-view';
import { monitorFor } from '../alerts/monitor';
import { clusterPoller } from '../nodes/live';
import type { HomeSources } from './home-stream';
import { sparkHistoryFor } from './sparklines';

/** The shared pollers every page reads: the home page (its stream and its server render) adds no polling of its own. */
export const sharedHomeSources: HomeSources = {
  topology: (id) => clusterPoller(id),
  alerts: (id) => (monitorFor(id) ? alertsViewPoller(id) : null),
  sparks: (id) => sparkHistoryFor(id),
};

/** How a request names a configured cluster; resolved by `clusterConfig` (registry.ts). */
import { z } from 'zod';

export const clusterInput = z.object({ clusterId: z.string().min(1).max(64) });

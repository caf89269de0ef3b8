/**
 * A repair run's default segment size, shared by the server's settings schema and the browser's form:
 * 4 segments per node measured 2.9 s for a full repair of the demo cluster's 48 vnode ranges against
 * 1.5 s with 1 and 16 s with one range each (docs/operations.md, bench `repair`).
 */
export const DEFAULT_SEGMENTS_PER_NODE = 4;

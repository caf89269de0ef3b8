/** How node facts read on screen, in the units `nodetool` uses. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Two decimals without trailing zeros, as Cassandra's FileUtils.stringifyFileSize prints ("145.9 KiB").
  return unit === 0 ? `${value} bytes` : `${Number(value.toFixed(2))} ${units[unit]}`;
}

export function formatUptime(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return minutes > 0 ? `${minutes}m ${seconds % 60}s` : `${seconds}s`;
}

/** Ownership as nodetool prints it: one decimal, percent. */
export function formatOwnership(fraction: number | undefined): string {
  return fraction === undefined ? '—' : `${(fraction * 100).toFixed(1)}%`;
}

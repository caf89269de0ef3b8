import { describe, expect, it } from 'vitest';
import { formatBytes, formatOwnership, formatUptime } from './format';

describe('node formatting', () => {
  it('prints sizes in binary units as nodetool does', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(94561)).toBe('92.34 KiB');
    expect(formatBytes(149401)).toBe('145.9 KiB');
    expect(formatBytes(1024 ** 3 * 150)).toBe('150 GiB');
    expect(formatBytes(null)).toBe('—');
  });

  it('prints uptime and ownership', () => {
    expect(formatUptime(59_000)).toBe('59s');
    expect(formatUptime(3_725_000)).toBe('1h 2m');
    expect(formatUptime(90_000_000)).toBe('1d 1h');
    expect(formatOwnership(0.6666)).toBe('66.7%');
    expect(formatOwnership(undefined)).toBe('—');
  });
});

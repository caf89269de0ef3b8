import { describe, expect, it } from 'vitest';
import { contactPointOf, contactPointsWith } from './known-hosts';

describe('contact points with the known-up hosts', () => {
  it('keeps the configured points first and adds each known-up host once', () => {
    expect(contactPointsWith(['127.0.0.1'], 9042, ['127.0.0.2:9042', '127.0.0.1:9042', '127.0.0.3:9042'])).toEqual([
      '127.0.0.1',
      '127.0.0.2',
      '127.0.0.3',
    ]);
  });

  it('is the configured points alone while nothing is known', () => {
    expect(contactPointsWith(['cass-a.example', 'cass-b.example:9142'], 9042, [])).toEqual([
      'cass-a.example',
      'cass-b.example:9142',
    ]);
  });

  it('does not add a host configured with its port spelled out', () => {
    expect(contactPointsWith(['10.0.0.1:9042'], 9042, ['10.0.0.1:9042'])).toEqual(['10.0.0.1:9042']);
  });

  it('keeps a port other than the configured one, an IPv6 address in brackets', () => {
    expect(contactPointOf('10.0.0.5:9043', 9042)).toBe('10.0.0.5:9043');
    expect(contactPointOf('::1:9043', 9042)).toBe('[::1]:9043');
    expect(contactPointOf('::1:9042', 9042)).toBe('::1');
  });
});

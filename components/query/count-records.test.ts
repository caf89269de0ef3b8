import { describe, expect, it } from 'vitest';
import { recordCounter } from './count-records';

describe('counting exported records as they stream', () => {
  it('does not count line breaks inside quoted CSV fields, even split across chunks', () => {
    const counter = recordCounter('csv');
    expect(counter.feed('k,v\n1,"a\n')).toBe(0);
    expect(counter.feed('b"\n2,plain\n')).toBe(2);
  });

  it('counts one JSON object per line between the brackets', () => {
    const counter = recordCounter('json');
    expect(counter.feed('[\n{"k": 1}\n,{"k": "a\\nb"}\n')).toBe(2);
    expect(counter.feed(']\n')).toBe(2);
  });
});

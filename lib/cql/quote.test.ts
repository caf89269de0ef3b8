import { describe, expect, it } from 'vitest';
import { qualified, quote } from './quote';

describe('quote', () => {
  it('leaves a lower-case name that starts with a letter bare', () => {
    expect(quote('items')).toBe('items');
    expect(quote('order_lines2')).toBe('order_lines2');
    // Not reserved: these are names as well as keywords.
    expect(quote('key')).toBe('key');
    expect(quote('ttl')).toBe('ttl');
  });

  it('quotes what Cassandra would fold, reject or read differently unquoted', () => {
    expect(quote('Carts')).toBe('"Carts"');
    expect(quote('_private')).toBe('"_private"');
    expect(quote('2024')).toBe('"2024"');
    expect(quote('with space')).toBe('"with space"');
    expect(quote('')).toBe('""');
  });

  it('quotes reserved keywords', () => {
    expect(quote('select')).toBe('"select"');
    expect(quote('table')).toBe('"table"');
    expect(quote('token')).toBe('"token"');
  });

  it('doubles a double quote inside the name', () => {
    expect(quote('say "hi"')).toBe('"say ""hi"""');
  });

  it('quotes each part of a qualified name', () => {
    expect(qualified('shop', 'Carts')).toBe('shop."Carts"');
    expect(qualified('from', 'items')).toBe('"from".items');
  });
});

import { describe, expect, it } from 'vitest';
import { bearerRefusal } from './bearer-token';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0';
const withAuthorization = (value?: string) => new Headers(value === undefined ? {} : { authorization: value });

describe('bearerRefusal', () => {
  it('accepts the configured token', () => {
    expect(bearerRefusal(withAuthorization(`Bearer ${TOKEN}`), TOKEN)).toBeNull();
    expect(bearerRefusal(withAuthorization(`bearer ${TOKEN}`), TOKEN)).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(bearerRefusal(withAuthorization(), TOKEN)).toMatch(/no Authorization header/);
    expect(bearerRefusal(withAuthorization(`Basic ${TOKEN}`), TOKEN)).toMatch(/not "Bearer <token>"/);
    expect(bearerRefusal(withAuthorization('Bearer '), TOKEN)).toMatch(/not "Bearer <token>"/);
    expect(bearerRefusal(withAuthorization(`Bearer ${TOKEN}x`), TOKEN)).toMatch(/not the configured one/);
    expect(bearerRefusal(withAuthorization(`Bearer ${TOKEN.slice(0, -1)}`), TOKEN)).toMatch(/not the configured one/);
  });
});

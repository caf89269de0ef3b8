import { describe, expect, it } from 'vitest';
import { serverError } from './server-error';

describe('serverError', () => {
  it("reads a schema refusal as its fields' messages", () => {
    const refused = Object.assign(new Error('[{"code":"custom","path":["rule","recoverAt"]}]'), {
      data: {
        code: 'BAD_REQUEST',
        zodError: ['rule.recoverAt: must be on the healthy side of the threshold: at most 100'],
      },
    });
    expect(serverError(refused)).toBe('rule.recoverAt: must be on the healthy side of the threshold: at most 100');
  });

  it('leaves any other failure as it is', () => {
    const notFound = Object.assign(new Error('no destination d-1'), { data: { code: 'NOT_FOUND', zodError: null } });
    expect(serverError(notFound)).toBe(notFound);
    expect(serverError('text')).toBe('text');
    expect(serverError(null)).toBe(null);
  });
});

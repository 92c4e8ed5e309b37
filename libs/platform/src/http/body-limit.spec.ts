import { bodyLimitBytes } from './body-limit.js';

describe('bodyLimitBytes', () => {
  it.each([
    ['512kb', 512 * 1024],
    ['1mb', 1024 * 1024],
    ['20mb', 20 * 1024 * 1024],
  ])('%s is %d bytes', (limit, bytes) => {
    expect(bodyLimitBytes(limit)).toBe(bytes);
  });

  it('refuses a size it cannot read', () => {
    expect(() => bodyLimitBytes('1gb')).toThrow(/BODY_LIMIT/);
  });
});

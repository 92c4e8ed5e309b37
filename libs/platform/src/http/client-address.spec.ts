import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../config/app-config.js';
import { ClientAddress, compileTrustProxy } from './client-address.js';

const request = (remote: string, forwardedFor?: string): IncomingMessage =>
  ({
    socket: { remoteAddress: remote },
    connection: { remoteAddress: remote },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

const addressWith = (trustProxy: string, remote: string, forwardedFor?: string): string => {
  const config = Object.assign(new AppConfig(), { TRUST_PROXY: trustProxy });
  return new ClientAddress(config).of(request(remote, forwardedFor));
};

describe('the client address behind proxies', () => {
  it.each([
    // setting, connection, X-Forwarded-For, expected
    ['', '127.0.0.1', '203.0.113.7', '127.0.0.1'], // default: the header is ignored
    ['', '198.51.100.2', undefined, '198.51.100.2'],
    ['1', '127.0.0.1', '203.0.113.7', '203.0.113.7'], // one nginx in front
    ['1', '127.0.0.1', '10.9.9.9, 203.0.113.7', '203.0.113.7'], // a forged left entry is not trusted
    ['2', '127.0.0.1', '203.0.113.7, 10.0.0.5', '203.0.113.7'],
    ['loopback', '127.0.0.1', '203.0.113.7', '203.0.113.7'],
    ['loopback', '198.51.100.2', '203.0.113.7', '198.51.100.2'], // not from a trusted proxy
    ['10.0.0.0/8, loopback', '10.1.2.3', '203.0.113.7', '203.0.113.7'],
    ['1', '127.0.0.1', undefined, '127.0.0.1'],
  ])('TRUST_PROXY=%j, from %s with X-Forwarded-For %j → %s', (setting, remote, xff, expected) => {
    expect(addressWith(setting, remote, xff)).toBe(expected);
  });

  it('refuses a setting proxy-addr cannot read', () => {
    expect(() => compileTrustProxy('not-an-address')).toThrow();
  });
});

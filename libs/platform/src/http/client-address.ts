import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import proxyaddr from 'proxy-addr';
import { AppConfig } from '../config/app-config.js';

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Which proxies may tell us the client's address in X-Forwarded-For, from TRUST_PROXY: empty
 * (default) trusts none, so the address is the connection's; a number trusts that many hops
 * (1 = one nginx in front); otherwise a comma-separated list of addresses, CIDRs or the names
 * proxy-addr knows (loopback, linklocal, uniquelocal).
 */
export function compileTrustProxy(setting: string): TrustProxy {
  const value = setting.trim();
  if (value === '') return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(value.split(',').map((s) => s.trim()));
}

/**
 * The client's address as rate limits and logs should see it, the same way for HTTP (Express's
 * `req.ip`, set to the same rule at bootstrap) and socket.io handshakes (`socket.request`).
 * Without it, behind nginx every phone in the hall would share nginx's address and one limit.
 */
@Injectable()
export class ClientAddress {
  readonly trust: TrustProxy;

  constructor(config: AppConfig) {
    this.trust = compileTrustProxy(config.TRUST_PROXY);
  }

  of(req: IncomingMessage): string {
    return proxyaddr(req, this.trust);
  }
}

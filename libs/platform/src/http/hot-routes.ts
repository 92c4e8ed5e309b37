import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { bearerToken } from '../auth/auth.guard.js';
import type { Principal } from '../auth/principal.js';
import { TokenService } from '../auth/token.service.js';
import { DomainError } from '../errors/domain-error.js';
import { toErrorBody } from './error-filter.js';

/** What a hot route's handler receives: the path's captures, the caller, the parsed JSON body. */
export interface HotRequest {
  params: string[];
  principal: Principal;
  body: unknown;
}

/**
 * A route that a room of candidates calls thousands of times a second (saving an answer), served
 * straight off Node's http server ahead of Express and Nest's router, pipes and interceptors, which
 * cost several times the work of the request itself. It keeps every rule of the ordinary routes:
 * the login token is verified, the handler validates its input with the same DTO classes, errors
 * get the same status and body (toErrorBody), and the response carries the same security headers
 * and request id. The route stays declared on its controller too, for the API documentation.
 */
export interface HotRoute {
  method: 'GET' | 'PUT' | 'POST';
  /** Matched against the whole path (without the query string); its groups become `params`. */
  path: RegExp;
  /** The JSON body of a 200 answer; throws a DomainError to refuse. */
  handle(req: HotRequest): Promise<unknown>;
}

/** Bodies of hot routes are small (an answer is a few option keys). */
const MAX_BODY_BYTES = 16 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** The security headers helmet sets with the given options, captured once from helmet itself. */
export function securityHeaders(options: Parameters<typeof helmet>[0]): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return [...headers];
}

@Injectable()
export class HotRoutes {
  private readonly routes: HotRoute[] = [];

  constructor(private readonly tokens: TokenService) {}

  add(route: HotRoute): void {
    this.routes.push(route);
  }

  /**
   * Puts the hot routes in front of the server's other request listeners (Express, socket.io):
   * a request that matches no hot route goes on to them unchanged.
   */
  install(server: Server, logger: Logger, headers: [string, string][]): void {
    const others = server.listeners('request') as Listener[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const match = this.match(req);
      if (match) void this.serve(match.route, match.params, req, res, logger, headers);
      else for (const listener of others) listener.call(server, req, res);
    });
  }

  private match(req: IncomingMessage): { route: HotRoute; params: string[] } | null {
    if (this.routes.length === 0) return null;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    for (const route of this.routes) {
      if (route.method !== req.method) continue;
      const m = route.path.exec(path);
      if (m) return { route, params: m.slice(1) };
    }
    return null;
  }

  private async serve(
    route: HotRoute,
    params: string[],
    req: IncomingMessage,
    res: ServerResponse,
    logger: Logger,
    headers: [string, string][],
  ): Promise<void> {
    const started = performance.now();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    let status: number;
    let payload: string;
    try {
      // The body first, as Express reads it before Nest's guard: a malformed body is a 400 either way.
      const body = await readJson(req);
      const principal = this.tokens.verify(bearerToken(req.headers.authorization));
      payload = JSON.stringify(await route.handle({ params, principal, body }));
      status = 200;
    } catch (err) {
      const error = toErrorBody(err, { error: (o: unknown, msg?: string) => logger.error(o, msg) });
      status = error.statusCode;
      payload = JSON.stringify(error);
    }
    if (res.headersSent || res.destroyed) return;
    for (const [name, value] of headers) res.setHeader(name, value);
    res.setHeader('x-request-id', id);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(payload));
    res.statusCode = status;
    res.end(payload);
    if (logger.isLevelEnabled('info')) {
      logger.info(
        {
          req: { id, method: req.method, url: req.url },
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    }
  }
}

/** The request's JSON body (undefined when there is none), as Express's JSON parser reads it. */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        return reject(new DomainError('PAYLOAD_TOO_LARGE', 'The body is larger than the server accepts', 'too_large'));
      }
      if (size === 0 || !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return resolve(undefined);
      try {
        const text = Buffer.concat(chunks, size).toString('utf8');
        // like express.json's strict mode: only an object or an array
        if (!/^[\s]*[{[]/.test(text)) throw new SyntaxError('not an object or array');
        resolve(JSON.parse(text));
      } catch {
        reject(new DomainError('MALFORMED_JSON', 'The body is not valid JSON', 'invalid'));
      }
    });
  });
}

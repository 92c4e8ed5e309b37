import type { INestApplication, Type } from '@nestjs/common';
import {
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants.js';
import { IS_PUBLIC, ROLES, type Role } from '@app/platform';

/** Where a route argument comes from (Nest's RouteParamtypes, the ones a client controls). */
const BODY = 3;
const QUERY = 4;
const PARAM = 5;
const FILE = 8;

/** One HTTP route of the running app, with what it declares about access and input. */
export interface Route {
  /** "POST /api/contests/:id/rounds" */
  key: string;
  method: string;
  /** Full path as Express matches it, with :params. */
  path: string;
  controller: string;
  handler: string;
  /** @Public() on the method or the class. */
  isPublic: boolean;
  /** @Roles(...) of the method, else of the class; undefined when neither declares any. */
  roles: Role[] | undefined;
  /** The DTO classes of @Body(), @Query() and @Param() (a whole-object argument), when typed by a class. */
  body?: Type<unknown>;
  query?: Type<unknown>;
  params?: Type<unknown>;
  /** Names of the :params in the path. */
  paramNames: string[];
  /** Takes a multipart upload (@UploadedFile / FileInterceptor). */
  upload: boolean;
}

const joinPath = (...parts: (string | undefined)[]): string =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

const isDtoClass = (t: unknown): t is Type<unknown> =>
  typeof t === 'function' && ![String, Number, Boolean, Object, Array, Buffer].includes(t as never);

/**
 * Every HTTP route of the app, read from Nest's own controller metadata (the same metadata the
 * router is built from), so a new controller or handler is picked up without naming it here.
 * `prefix` and `excluded` mirror setGlobalPrefix in bootstrap; {@link expressRoutes} cross-checks.
 */
export function routeTable(app: INestApplication, prefix = 'api', excluded = ['/health']): Route[] {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as Type<unknown> | null;
      if (!ctrl || !wrapper.instance) continue;
      const base = Reflect.getMetadata(PATH_METADATA, ctrl) as string | string[] | undefined;
      for (const name of scanner.getAllMethodNames(ctrl.prototype as object)) {
        const fn = (ctrl.prototype as Record<string, unknown>)[name] as object;
        const sub = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (sub === undefined) continue;
        const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctrl, name) ?? {}) as Record<
          string,
          { index: number; data?: unknown }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', ctrl.prototype as object, name) ?? []) as unknown[];
        const argOf = (kind: number): Type<unknown> | undefined => {
          const hit = Object.entries(args).find(([k, v]) => k.startsWith(`${kind}:`) && v.data === undefined);
          const t = hit ? types[hit[1].index] : undefined;
          return isDtoClass(t) ? t : undefined;
        };
        const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, fn) ?? []) as { name?: string }[];
        const upload =
          Object.keys(args).some((k) => k.startsWith(`${FILE}:`)) ||
          interceptors.some((i) => /File/.test(i.name ?? ''));
        for (const b of [base ?? ''].flat()) {
          for (const s of [sub].flat()) {
            const local = joinPath(b, s);
            const path = excluded.some((e) => local === e || local.startsWith(`${e}/`))
              ? local
              : joinPath(prefix, local);
            routes.push({
              key: `${verb} ${path}`,
              method: verb,
              path,
              controller: ctrl.name,
              handler: name,
              isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, [fn as never, ctrl]) ?? false,
              roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES, [fn as never, ctrl]),
              body: argOf(BODY),
              query: argOf(QUERY),
              params: argOf(PARAM),
              paramNames: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
              upload,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

interface ExpressLayer {
  route?: { path: string; methods?: Record<string, boolean>; stack?: { method?: string }[] };
}

/**
 * The routes Express itself holds ("GET /api/x"), to prove the metadata table misses none: a route
 * added straight on the Express instance, outside Nest, shows up here and not there. Nest also
 * registers, on a few paths, one layer answering every method with 404; those are left out.
 */
export function expressRoutes(app: INestApplication): string[] {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] } };
  const out = new Set<string>();
  for (const layer of instance.router?.stack ?? []) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods ?? {}).filter((m) => m !== '_all');
    if (layer.route.methods?._all) out.add(`ALL ${layer.route.path}`);
    if (methods.length > 20) continue; // the catch-all 404 layer, not a route
    for (const m of methods) out.add(`${m.toUpperCase()} ${layer.route.path}`);
  }
  return [...out].sort();
}

/** Socket events the gateways subscribe to, read from @SubscribeMessage metadata. */
export function socketEvents(app: INestApplication): { gateway: string; event: string }[] {
  const scanner = new MetadataScanner();
  const out: { gateway: string; event: string }[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.providers.values()) {
      const cls = wrapper.metatype as Type<unknown> | null;
      if (!cls?.prototype || !wrapper.instance) continue;
      for (const name of scanner.getAllMethodNames(cls.prototype as object)) {
        const fn = (cls.prototype as Record<string, unknown>)[name] as object;
        if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, fn)) continue;
        out.push({ gateway: cls.name, event: Reflect.getMetadata(MESSAGE_METADATA, fn) as string });
      }
    }
  }
  return out;
}

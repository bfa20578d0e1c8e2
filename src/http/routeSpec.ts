import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * Who may call a route. `public`: anyone; otherwise the roles allowed, each with
 * the room it is confined to (docs/spec/workflow.md "People and their rooms"). Every route
 * declares this; the authorization-matrix test enumerates the table.
 */
export type Access =
  | { public: true }
  | {
      roles: readonly string[];
      room: 'own_unit' | 'own_district' | 'own_case' | 'city' | 'self' | 'none';
      /** The scope an API token needs for this route (sessions have all scopes of their role). */
      scope?: string;
    };

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  /** Keep the request's raw JSON text in `req.rawBody` (signed callbacks are verified over the exact bytes). */
  rawBody?: boolean;
  schema?: {
    body?: z.ZodType;
    querystring?: z.ZodType;
    params?: z.ZodType;
    response?: Record<number, z.ZodType>;
  };
  handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;
}

export const route = (spec: RouteSpec): RouteSpec => spec;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access: the authorization-matrix test walks it. */
    routeTable: RouteSpec[];
  }
  interface FastifyContextConfig {
    access?: Access;
    rawBody?: boolean;
    /** The per-address throttle guarding the route (src/http/throttles.ts). */
    throttle?: import('./throttles.js').ThrottleName;
  }
  interface FastifyRequest {
    actor?: import('../accounts/Actor.js').Actor;
    /** The JSON body as received, on routes that declare `rawBody`. */
    rawBody?: string;
  }
}

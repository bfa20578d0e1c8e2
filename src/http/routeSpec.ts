import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FileResponse } from '../contract/files.js';

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

/** The declared parts of a route (zod schemas of src/contract/): validated on the way in, documented in OpenAPI. */
export interface RouteSchemas {
  body?: z.ZodType;
  querystring?: z.ZodType;
  params?: z.ZodType;
  /**
   * Request headers, for the OpenAPI document only: the handler reads and checks them
   * (src/http/routes/commandHeaders.ts), so their refusal names `$headers.<name>`.
   */
  headers?: z.ZodType;
  /**
   * Success answers by status: a JSON schema, or a file (PDF, spreadsheet, page) by its media
   * type (src/contract/files.ts). A problem+json answer is declared for every route by buildServer.
   */
  response?: Record<number, z.ZodType | FileResponse>;
}

/** A request part as the handler sees it: the schema's parsed output, or nothing when undeclared. */
type Part<S> = z.output<S & z.ZodType>;
/** What a handler may answer: any declared success shape (a reply already sent, e.g. a PDF, is also fine). */
type Answer<R> = R extends Record<number, unknown> ? JsonAnswer<R[keyof R]> | FastifyReply : unknown;
type JsonAnswer<S> = S extends z.ZodType ? z.input<S> : never;

/** The request as the handler sees it: body, query and params are the schemas' parsed outputs. */
export type TypedRequest<S extends RouteSchemas> = Omit<FastifyRequest, 'body' | 'query' | 'params'> & {
  body: Part<S['body']>;
  query: Part<S['querystring']>;
  params: Part<S['params']>;
};

interface RouteBase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  /** Keep the request's raw JSON text in `req.rawBody` (signed callbacks are verified over the exact bytes). */
  rawBody?: boolean;
  /** The body is a file's bytes (src/http/binaryBody.ts), at most `maxBytes`, refused beyond with `tooLarge`. */
  binaryBody?: BinaryBody;
}

/** A route as the server registers it (the schemas' types erased: the table holds every route). */
export interface RouteSpec extends RouteBase {
  schema?: RouteSchemas;
  handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;
}

/** A route as it is declared: the handler receives the parsed body, query and params of its schemas. */
export interface TypedRouteSpec<S extends RouteSchemas> extends RouteBase {
  schema?: S;
  handler: (
    req: TypedRequest<S>,
    reply: FastifyReply,
  ) => Promise<Answer<S['response']>> | Answer<S['response']>;
}

/**
 * Declares a route (see docs/architecture.md "How to declare a route"). The validator
 * (src/http/validation.ts) replaces each request part by its schema's parsed output before
 * the handler runs, so the typed request is exactly what arrives: this is the one place the
 * schema types are erased for the route table.
 */
export const route = <const S extends RouteSchemas = Record<never, never>>(
  spec: TypedRouteSpec<S>,
): RouteSpec => spec as unknown as RouteSpec;

export interface BinaryBody {
  maxBytes: number;
  /** Chinese: the refusal naming the field, e.g. 「证据文件」超过 10 MB. */
  tooLarge: string;
  /** JSON path of the field the refusal names. */
  field: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access: the authorization-matrix test walks it. */
    routeTable: RouteSpec[];
  }
  interface FastifyContextConfig {
    access?: Access;
    rawBody?: boolean;
    binaryBody?: BinaryBody;
    /** The per-address throttle guarding the route (src/http/throttles.ts). */
    throttle?: import('./throttles.js').ThrottleName;
  }
  interface FastifyRequest {
    actor?: import('../accounts/Actor.js').Actor;
    /** The JSON body as received, on routes that declare `rawBody`. */
    rawBody?: string;
  }
}

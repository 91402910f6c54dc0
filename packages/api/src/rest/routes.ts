import { type ApiScope, DomainError } from '@facets/domain';
import type { AnyProcedure } from '@trpc/server';
import { z } from 'zod';
import { appRouter } from '../root.ts';

/**
 * The public REST API (`/api/v1`): each route is one procedure of the console's router, called with the key's
 * organisation and the role of the route's scope (domain `API_SCOPE_ROLE`), so it obeys exactly the console's rules
 * — the anonymity of results included. A route's input is the procedure's own zod schema, fed from the path
 * parameters and the query string (GET) or the JSON body; the OpenAPI description (openapi.ts) is built from the same
 * schemas. Nothing here is written twice.
 */
export interface RestRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** OpenAPI style: `/groups/{groupId}/people`; each `{name}` is a field of the procedure's input. */
  path: string;
  scope: ApiScope;
  /** The procedure it calls, `area.feature.action`. */
  procedure: string;
  summary: string;
  /** Where a POST or PUT body goes in the input: spread beside the path parameters, or under one field. */
  body?: { spread: true } | { field: string };
}

export const REST_ROUTES: readonly RestRoute[] = [
  {
    method: 'GET',
    path: '/groups/{groupId}/people',
    scope: 'people:write',
    procedure: 'people.list',
    summary: 'One page of a group’s people directory',
  },
  {
    method: 'PUT',
    path: '/groups/{groupId}/people',
    scope: 'people:write',
    procedure: 'people.upsert',
    summary: 'Create or update one person (matched by external id, else e-mail)',
    body: { field: 'person' },
  },
  {
    method: 'POST',
    path: '/groups/{groupId}/people/{personId}/deactivate',
    scope: 'people:write',
    procedure: 'people.deactivate',
    summary: 'Take one person out of the active directory (the record stays)',
  },
  {
    method: 'POST',
    path: '/surveys/{surveyId}/trigger',
    scope: 'surveys:trigger',
    procedure: 'surveys.trigger',
    summary: 'Send a post-interaction survey to one person, with the interaction’s reference',
    body: { spread: true },
  },
  {
    method: 'GET',
    path: '/groups/{groupId}/results',
    scope: 'results:read',
    procedure: 'insights.overview',
    summary: 'Published results of a group: the four facets by dimension, under the anonymity rules',
  },
  {
    method: 'GET',
    path: '/feedback',
    scope: 'feedback:read',
    procedure: 'feedback.inbox',
    summary: 'The feedback inbox, filtered and paged',
  },
  {
    method: 'POST',
    path: '/feedback/{feedbackId}/replies',
    scope: 'feedback:write',
    procedure: 'feedback.reply',
    summary: 'Answer a feedback (the stakeholder is told by e-mail)',
    body: { spread: true },
  },
  {
    method: 'PUT',
    path: '/feedback/{feedbackId}/status',
    scope: 'feedback:write',
    procedure: 'feedback.setStatus',
    summary: 'Change a feedback’s status',
    body: { spread: true },
  },
];

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

/** The procedure's own input schema, its optional wrapper taken off (no input means an empty object here). */
export function inputSchemaOf(route: RestRoute): z.ZodType {
  const procedure = procedures[route.procedure];
  if (!procedure) throw new Error(`REST route ${route.path}: no procedure ${route.procedure}`);
  const [schema] = (procedure._def as { inputs: unknown[] }).inputs;
  if (!(schema instanceof z.ZodType))
    throw new Error(`REST route ${route.path}: ${route.procedure} takes no zod input`);
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

export const pathParams = (route: RestRoute) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; [key: string]: unknown };

/** The input's JSON Schema (zod 4's own conversion), as OpenAPI 3.1 takes it. */
export function inputJsonSchema(route: RestRoute): JsonSchema {
  const { $schema: _, ...schema } = z.toJSONSchema(inputSchemaOf(route), { io: 'input', unrepresentable: 'any' });
  return schema as JsonSchema;
}

/**
 * A query string's values as the input's fields: numbers and booleans read as such where the schema wants them, so
 * that `?page=2` means page 2; anything else is passed as sent, for the schema to accept or refuse by name.
 */
export function queryInput(route: RestRoute, query: Record<string, unknown>): Record<string, unknown> {
  const properties = inputJsonSchema(route).properties ?? {};
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => {
      const type = properties[key]?.type;
      if (typeof value !== 'string') return [key, value];
      if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return [key, Number(value)];
      if (type === 'boolean' && (value === 'true' || value === 'false')) return [key, value === 'true'];
      return [key, value];
    }),
  );
}

/** The procedure's input for a request: path parameters, then the query (GET) or the body. */
export function restInput(
  route: RestRoute,
  request: { params: Record<string, string>; query: Record<string, unknown>; body: unknown },
): unknown {
  const params = Object.fromEntries(pathParams(route).map((name) => [name, request.params[name]]));
  if (route.method === 'GET') return { ...queryInput(route, request.query), ...params };
  const body = request.body ?? {};
  if (!route.body)
    return body === undefined || (typeof body === 'object' && Object.keys(body as object).length === 0)
      ? params
      : { ...params, body };
  if ('field' in route.body) return { ...params, [route.body.field]: body };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const clash = pathParams(route).find((name) => name in body);
  if (clash !== undefined) {
    throw new DomainError('invalid', `${clash}: given in the path, not in the body`, clash, 'unknown_key');
  }
  return { ...body, ...params };
}

import { API_SCOPE_ROLE, API_SCOPES, ErrorReason } from '@facets/domain';
import { inputJsonSchema, pathParams, REST_ROUTES, type RestRoute } from './routes.ts';

/**
 * The OpenAPI 3.1 description of `/api/v1`, built from the routes and their procedures' zod schemas (zod 4's
 * `toJSONSchema`), so that it cannot say other than what the server checks. Served at `/api/v1/openapi.json`.
 */

type JsonSchema = ReturnType<typeof inputJsonSchema>;

const ERROR_RESPONSE = {
  description: 'Refused',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const isScalar = (schema: JsonSchema | undefined) =>
  schema !== undefined && ['string', 'integer', 'number', 'boolean'].includes(String(schema.type));

function operation(route: RestRoute) {
  const schema = inputJsonSchema(route);
  const properties = schema.properties ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const inPath = pathParams(route);
  const parameters = [
    ...inPath.map((name) => ({ name, in: 'path', required: true, schema: properties[name] ?? { type: 'string' } })),
    ...(route.method === 'GET'
      ? Object.entries(properties)
          .filter(([name, s]) => !inPath.includes(name) && isScalar(s))
          .map(([name, s]) => ({ name, in: 'query', required: required.has(name), schema: s }))
      : []),
  ];
  let requestBody: object | undefined;
  if (route.body && 'field' in route.body) {
    requestBody = { required: true, content: { 'application/json': { schema: properties[route.body.field] } } };
  } else if (route.body) {
    const bodyProperties = Object.fromEntries(Object.entries(properties).filter(([name]) => !inPath.includes(name)));
    const bodySchema = {
      ...schema,
      properties: bodyProperties,
      required: [...required].filter((name) => !inPath.includes(name)),
    };
    requestBody = { required: true, content: { 'application/json': { schema: bodySchema } } };
  }
  return {
    operationId: route.procedure,
    summary: route.summary,
    description: `Requires the scope \`${route.scope}\`; answers as the console's \`${route.procedure}\` does for the ${API_SCOPE_ROLE[route.scope]} role.`,
    'x-facets-scope': route.scope,
    security: [{ apiKey: [route.scope] }],
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      '200': { description: 'Done', content: { 'application/json': { schema: {} } } },
      '400': ERROR_RESPONSE,
      '401': ERROR_RESPONSE,
      '403': ERROR_RESPONSE,
      '404': ERROR_RESPONSE,
      '409': ERROR_RESPONSE,
      '429': ERROR_RESPONSE,
    },
  };
}

export function openApiDocument(baseUrl: string) {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const route of REST_ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Facets API',
      version: '1',
      description:
        'Integrations: the people directory, post-interaction surveys, published results (under the same anonymity rules as the console) and feedback. Authenticate with `Authorization: Bearer <key>`; an admin creates keys with scopes in the console (Settings → API keys).',
    },
    servers: [{ url: `${baseUrl.replace(/\/+$/, '')}/api/v1` }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: `An API key (fct_…) with scopes among ${API_SCOPES.join(', ')}.`,
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['reason', 'message', 'field'],
              properties: {
                reason: { type: 'string', enum: [...ErrorReason] },
                message: { type: 'string' },
                field: { type: ['string', 'null'], description: 'The input field at fault (dotted path)' },
                minimum: { type: 'number' },
                maximum: { type: 'number' },
              },
            },
          },
        },
      },
    },
  };
}

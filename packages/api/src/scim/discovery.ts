import type { SegmentAttribute } from '@facets/db';
import { CORE_USER, ENTERPRISE_USER, FACETS_USER, LIST_RESPONSE } from './resource.ts';

/**
 * What a SCIM client reads to learn what Facets serves (RFC 7643 §5–7): users only (no groups, no bulk, no sorting),
 * filters by `eq` on userName, externalId and emails.value, PATCH, and the attributes of resource.ts — the Facets
 * extension listing the group's own segment attributes.
 */

const SERVICE_PROVIDER_CONFIG = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** The most Users one page of a list holds. */
export const SCIM_MAX_RESULTS = 200;

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG],
    documentationUri: 'https://github.com/facets/facets#provisioning-scim',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A Facets API key with the scim scope: Authorization: Bearer fct_…',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

const userResourceType = (base: string) => ({
  schemas: [RESOURCE_TYPE],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'A person of the stakeholder group the key provisions',
  schema: CORE_USER,
  schemaExtensions: [
    { schema: ENTERPRISE_USER, required: false },
    { schema: FACETS_USER, required: false },
  ],
  meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
});

const list = (resources: unknown[]) => ({
  schemas: [LIST_RESPONSE],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

export const resourceTypes = (base: string) => list([userResourceType(base)]);
export const resourceType = (base: string, id: string) => (id === 'User' ? userResourceType(base) : undefined);

const attribute = (name: string, description: string, more: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...more,
});

function schemasOf(base: string, attributes: readonly SegmentAttribute[]) {
  const schema = (id: string, name: string, description: string, attrs: unknown[]) => ({
    schemas: [SCHEMA],
    id,
    name,
    description,
    attributes: attrs,
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${id}` },
  });
  const label = (a: SegmentAttribute) => a.label.en ?? a.label.fr ?? a.key;
  return [
    schema(CORE_USER, 'User', 'A person of the directory', [
      attribute('userName', 'The e-mail address', { required: true, uniqueness: 'server' }),
      attribute('externalId', 'The id in the HR system or identity provider', { caseExact: true }),
      {
        ...attribute('name', 'The name'),
        type: 'complex',
        subAttributes: [attribute('formatted', 'The full name')],
      },
      attribute('displayName', 'The name, when name.formatted is not sent'),
      {
        ...attribute('emails', 'The e-mail address (the primary one)'),
        type: 'complex',
        multiValued: true,
        subAttributes: [
          attribute('value', 'The address'),
          attribute('type', 'work'),
          { ...attribute('primary', 'Whether it is the primary address'), type: 'boolean' },
        ],
      },
      attribute('preferredLanguage', 'fr or en'),
      attribute('locale', 'fr or en, when preferredLanguage is not sent'),
      { ...attribute('active', 'In the active directory'), type: 'boolean' },
    ]),
    schema(ENTERPRISE_USER, 'EnterpriseUser', 'The department segment and the reporting line', [
      attribute('department', 'A value of the group’s department attribute, by code or label'),
      {
        ...attribute('manager', 'The manager, another person of the group'),
        type: 'complex',
        subAttributes: [attribute('value', 'The manager’s SCIM id', { caseExact: true })],
      },
    ]),
    schema(
      FACETS_USER,
      'FacetsUser',
      'The group’s segment attributes, each valued by a value’s code or label',
      attributes
        .filter((a) => a.key !== 'department')
        .map((a) =>
          attribute(a.key, label(a), {
            canonicalValues: a.values.filter((v) => !v.archived).map((v) => v.value),
          }),
        ),
    ),
  ];
}

export const schemas = (base: string, attributes: readonly SegmentAttribute[]) => list(schemasOf(base, attributes));
export const schemaById = (base: string, attributes: readonly SegmentAttribute[], id: string) =>
  schemasOf(base, attributes).find((s) => s.id === id);

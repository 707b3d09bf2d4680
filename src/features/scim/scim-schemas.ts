import { BULK_MAX_OPERATIONS, BULK_MAX_PAYLOAD } from "./scim-bulk.js";
/** The URNs and static documents of RFC 7643/7644 that Gatehouse serves. */
export const SCIM_CONTENT_TYPE = "application/scim+json";
export const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SCIM_PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const MAX_PAGE = 200;

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://gatehouse.example/README#scim-provisioning",
    patch: { supported: true },
    bulk: { supported: true, maxOperations: BULK_MAX_OPERATIONS, maxPayloadSize: BULK_MAX_PAYLOAD },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [{ type: "oauthbearertoken", name: "OAuth Bearer Token", description: "A Gatehouse API token with the scim scope (Security > API tokens), sent as Authorization: Bearer.", primary: true }],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    { schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], id: "User", name: "User", endpoint: "/Users", description: "A district staff account", schema: USER_SCHEMA, schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }], meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/User` } },
    { schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], id: "Group", name: "Group", endpoint: "/Groups", description: "A Gatehouse user group (membership only: its rights are set in Gatehouse)", schema: GROUP_SCHEMA, meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/Group` } },
  ];
}

type Attr = { name: string; type: string; multiValued?: boolean; required?: boolean; mutability?: string; uniqueness?: string; caseExact?: boolean; subAttributes?: Attr[] };
const attr = (name: string, type = "string", more: Partial<Attr> = {}): Attr & Record<string, unknown> => ({
  name, type, multiValued: false, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none", ...more,
});

export function schemas(baseUrl: string) {
  const doc = (id: string, name: string, description: string, attributes: Attr[]) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"], id, name, description, attributes, meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${id}` },
  });
  return [
    doc(USER_SCHEMA, "User", "A district staff account", [
      attr("userName", "string", { required: true, uniqueness: "server" }),
      attr("name", "complex", { subAttributes: [attr("givenName"), attr("familyName"), attr("formatted")] }),
      attr("displayName"),
      attr("title"),
      attr("emails", "complex", { multiValued: true, subAttributes: [attr("value"), attr("type"), attr("primary", "boolean")] }),
      attr("active", "boolean"),
      attr("externalId", "string", { caseExact: true }),
      attr("groups", "complex", { multiValued: true, mutability: "readOnly", subAttributes: [attr("value", "string", { mutability: "readOnly" }), attr("display", "string", { mutability: "readOnly" })] }),
    ]),
    doc(ENTERPRISE_USER, "EnterpriseUser", "Enterprise user", [attr("employeeNumber"), attr("department")]),
    doc(GROUP_SCHEMA, "Group", "A Gatehouse user group", [
      attr("displayName", "string", { required: true }),
      attr("externalId", "string", { caseExact: true }),
      attr("members", "complex", { multiValued: true, subAttributes: [attr("value", "string", { mutability: "immutable" }), attr("display", "string", { mutability: "readOnly" })] }),
    ]),
  ];
}

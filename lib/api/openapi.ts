import { z } from "zod";
import { MAX_PAGE_SIZE } from "@/db/queries/common";
import { cursorSchema } from "@/lib/validation/lists";
import { errors, extraPaths, json, jsonSchema, ref } from "./openapi-routes";
import { RESOURCES } from "./resources";
import { apiSchemas } from "./responses";

// The OpenAPI 3.1 document, generated from the zod schemas the handlers parse with
// (z.toJSONSchema emits JSON Schema 2020-12, which OpenAPI 3.1 uses as is).

type Json = Record<string, unknown>;

function queryParameters(schema: z.ZodObject): Json[] {
  const js = jsonSchema(schema) as { properties?: Record<string, Json> };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    schema: s,
    ...(name === "limit" ? { description: `Rows per page, at most ${MAX_PAGE_SIZE}. Not a whole number: 422.` } : {}),
    ...(name === "cursor" ? { description: "The next_cursor of the previous page." } : {}),
  }));
}

/** The registered answer schemas, each once, referring to each other by components.schemas. */
function responseSchemas(): Json {
  const { schemas } = z.toJSONSchema(apiSchemas, { io: "input", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([k, { $schema: _s, $id: _i, ...rest }]) => [k, rest]));
}

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request: not JSON, not an object, a bad id or cursor.",
  401: "Not signed in and no valid API token.",
  403: "The role does not allow this, or a cross-site cookie write.",
  404: "No record with this id.",
  409: "The version sent is not the current one; details.current holds the stored record.",
  413: "The body is over 1 MB.",
  422: "Validation failed; fields names each bad field.",
};

/** "a partner", "an action". */
const article = (name: string) => `${/^[aeiou]/i.test(name) ? "an" : "a"} ${name.toLowerCase()}`;

export function openApiDocument(): Json {
  const schemas: Json = {
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["code", "message"],
          properties: {
            code: { type: "string", examples: ["validation_failed", "not_found", "conflict"] },
            message: { type: "string" },
            fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            details: { type: "object" },
          },
        },
      },
    },
    ...responseSchemas(),
  };
  const paths: Json = {};
  for (const r of RESOURCES) {
    schemas[`${r.name}Create`] = jsonSchema(r.createSchema);
    schemas[`${r.name}Update`] = jsonSchema(r.updateSchema);
    const tag = r.path;
    const idParam = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
    const detailName = r.detail === r.record ? r.name : `${r.name}Detail`;
    const one = { description: `The ${r.name.toLowerCase()}.`, content: json(ref(detailName)) };
    paths[`/api/v1/${r.path}`] = {
      get: {
        tags: [tag],
        operationId: `list${r.name}`,
        summary: `List ${r.path}`,
        parameters: queryParameters(r.listSchema.extend(cursorSchema.shape)),
        responses: {
          "200": {
            description: "One page, in id order.",
            content: json({
              type: "object",
              required: ["data", "next_cursor"],
              properties: { data: { type: "array", items: ref(r.name) }, next_cursor: { type: ["string", "null"] } },
            }),
          },
          ...errors(400, 401, 422),
        },
      },
      post: {
        tags: [tag],
        operationId: `create${r.name}`,
        summary: `Create ${article(r.name)}`,
        requestBody: { required: true, content: json(ref(`${r.name}Create`)) },
        responses: { "201": { description: "Created.", content: json(ref(detailName)) }, ...errors(400, 401, 403, 413, 422) },
      },
    };
    paths[`/api/v1/${r.path}/{id}`] = {
      parameters: [idParam],
      get: { tags: [tag], operationId: `get${r.name}`, summary: `Get ${article(r.name)}`, responses: { "200": one, ...errors(400, 401, 404) } },
      put: {
        tags: [tag],
        operationId: `replace${r.name}`,
        summary: `Replace ${article(r.name)} (whole record, with the version read)`,
        requestBody: { required: true, content: json(ref(`${r.name}Update`)) },
        responses: { "200": one, ...errors(400, 401, 403, 404, 409, 413, 422) },
      },
      patch: {
        tags: [tag],
        operationId: `update${r.name}`,
        summary: `Change some fields of ${article(r.name)} (with the version read)`,
        requestBody: {
          required: true,
          content: json({ type: "object", required: ["version"], properties: { version: { type: "integer", minimum: 1 } }, additionalProperties: true }),
        },
        responses: { "200": one, ...errors(400, 401, 403, 404, 409, 413, 422) },
      },
      delete: {
        tags: [tag],
        operationId: `delete${r.name}`,
        summary: `Archive ${article(r.name)} (records are archived, not erased)`,
        responses: { "200": one, ...errors(400, 401, 403, 404) },
      },
    };
    for (const [verb, op] of [["archive", "archive"], ["restore", "restore"]] as const)
      paths[`/api/v1/${r.path}/{id}/${verb}`] = {
        parameters: [idParam],
        post: {
          tags: [tag],
          operationId: `${op}${r.name}`,
          summary: `${verb === "archive" ? "Archive" : "Restore"} ${article(r.name)}`,
          responses: { "200": one, ...errors(400, 401, 403, 404) },
        },
      };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Bridgehead API",
      version: "1",
      description:
        "Partners, people, meetings, follow-up actions, gifts and milestones. Authenticate with `Authorization: Bearer <token>` (an administrator creates tokens) or a signed-in session. Errors are `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    tags: [
      ...RESOURCES.map((r) => ({ name: r.path, description: `${r.name} records: list, create, read, replace, change, archive and restore.` })),
      { name: "account", description: "Who is calling, and the API and calendar tokens." },
      { name: "views", description: "What the timeline and the status board draw, and moving a card." },
      { name: "exports", description: "Reports as files and the calendar feed." },
    ],
    paths: { ...paths, ...extraPaths() },
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([c, d]) => [`Error${c}`, { description: d, content: json(ref("Error")) }]),
      ),
    },
  };
}

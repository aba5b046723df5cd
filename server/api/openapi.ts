import { z } from "zod";
import { MAX_PAGE_SIZE } from "@/db/queries/common";
import { cursorSchema } from "@/lib/validation/lists";
import { errors, extraPaths, json, jsonSchema, ref } from "./openapi-routes";
import { markReadSchema, notificationListSchema } from "@/lib/validation/notifications";
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
  Object.assign(schemas, notificationSchemas());
  Object.assign(paths, notificationPaths());
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
      { name: "notifications", description: "The signed-in user's notifications, and marking them read." },
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

function notificationSchemas(): Json {
  return {
    Notification: {
      type: "object",
      required: ["id", "kind", "stage", "recordType", "recordId", "subject", "href", "createdAt", "readAt"],
      properties: {
        id: { type: "integer" },
        kind: { type: "string", examples: ["assigned", "due_soon", "overdue", "agreement_expiring", "record_changed"] },
        stage: { type: "string", description: "The rule's stage (due_soon, 90d, …) or the change's event." },
        recordType: { type: "string", enum: ["partner", "meeting", "action"] },
        recordId: { type: "integer" },
        subject: { type: "string", description: "The record's title when the notice was made." },
        detail: { type: ["string", "null"], description: "The date concerned, or who made the change." },
        href: { type: "string", description: "The record's page, relative to the server." },
        createdAt: { type: "string", format: "date-time" },
        readAt: { type: ["string", "null"], format: "date-time" },
      },
    },
    NotificationsRead: jsonSchema(markReadSchema),
  };
}

function notificationPaths(): Json {
  return {
    "/api/v1/notifications": {
      get: {
        tags: ["notifications"],
        operationId: "listNotifications",
        summary: "The signed-in user's notifications, newest first",
        parameters: queryParameters(notificationListSchema),
        responses: {
          "200": {
            description: "One page and the unread count.",
            content: json({
              type: "object",
              required: ["data", "unread", "next_cursor"],
              properties: {
                data: { type: "array", items: ref("Notification") },
                unread: { type: "integer" },
                next_cursor: { type: ["string", "null"], description: "Pass as `before` for the next, older page." },
              },
            }),
          },
          ...errors(400, 401, 403, 422),
        },
      },
    },
    "/api/v1/notifications/read": {
      post: {
        tags: ["notifications"],
        operationId: "markNotificationsRead",
        summary: "Mark some (ids) or all of the signed-in user's notifications read",
        requestBody: { required: true, content: json(ref("NotificationsRead")) },
        responses: {
          "200": {
            description: "How many changed and the unread count after.",
            content: json({ type: "object", properties: { data: { type: "object", properties: { marked: { type: "integer" }, unread: { type: "integer" } } } } }),
          },
          ...errors(400, 401, 403, 413, 422),
        },
      },
    },
  };
}

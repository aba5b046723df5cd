import { z } from "zod";
import { ACTION_PRIORITIES, ACTION_SIDES, ACTION_STATUSES } from "@/lib/domain";
import { DUE_FILTERS, GROUPS } from "@/lib/board/filters";
import { REPORT_FORMATS, REPORT_STATUSES, REPORTS } from "@/server/export/reports";
import { EVENT_KINDS } from "@/lib/timeline";
import { moveActionSchema } from "@/lib/validation/actions";

// The routes beside the six record resources: who am I, tokens, the timeline and board views,
// the exports and the calendar feed. Bodies and answers that have a zod schema use it.

type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: Json) => ({ "application/json": { schema } });
export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/Error${c}` }]));

export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
}

const query = (name: string, schema: Json, description: string, required = false) => ({ name, in: "query", required, schema, description });
const text = { type: "string" };
const oneOf = (values: readonly string[]) => ({ type: "string", enum: [...values] });

const boardFilters = [
  query("partner", text, "A partner's slug."),
  query("owner", text, "p<person id> or u<user id>."),
  query("due", oneOf(DUE_FILTERS), "Due period."),
  query("priority", oneOf(ACTION_PRIORITIES), "Priority."),
  query("side", oneOf(ACTION_SIDES), "Whose commitment."),
  query("group", oneOf(GROUPS), "Lanes by partner or by owner."),
];

/** A view's answer: its top-level fields typed, the nested parts as the screens draw them. */
const view = (properties: Record<string, Json>) => ({ type: "object", required: Object.keys(properties), properties });

export function extraPaths(): Json {
  const file = (types: string[]) => Object.fromEntries(types.map((t) => [t, { schema: { type: "string", format: "binary" } }]));
  return {
    "/api/v1/me": {
      get: { tags: ["account"], operationId: "getMe", summary: "Who is calling, and with which role", responses: { "200": { description: "The caller.", content: json(ref("Me")) }, ...errors(401) } },
    },
    "/api/v1/tokens": {
      get: {
        tags: ["account"],
        operationId: "listTokens",
        summary: "List API and calendar tokens (administrators)",
        responses: { "200": { description: "Every token, newest first, revoked ones too.", content: json(ref("TokenList")) }, ...errors(401, 403) },
      },
      post: {
        tags: ["account"],
        operationId: "createToken",
        summary: "Create a token (administrators); the answer holds the secret once",
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["name", "role"],
            properties: { name: text, role: oneOf(["admin", "editor", "viewer"]), scope: oneOf(["api", "calendar"]), partnerId: { type: "integer", minimum: 1 } },
          }),
        },
        responses: { "201": { description: "Created.", content: json(ref("CreatedToken")) }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/tokens/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      delete: { tags: ["account"], operationId: "revokeToken", summary: "Revoke a token (administrators)", responses: { "204": { description: "Revoked." }, ...errors(401, 403, 404) } },
    },
    "/api/v1/timeline": {
      get: {
        tags: ["views"],
        operationId: "getTimeline",
        summary: "What the timeline draws for a period",
        parameters: [
          query("partner", { type: "array", items: text }, "Partner slugs (repeat the parameter)."),
          query("kind", { type: "array", items: oneOf(EVENT_KINDS) }, "Event kinds (repeat the parameter)."),
          query("from", { type: "string", format: "date" }, "First day."),
          query("to", { type: "string", format: "date" }, "Last day."),
          query("q", text, "Search text."),
        ],
        responses: {
          "200": {
            description: "Swimlanes, marks (or monthly or yearly buckets when there are many), dated visits per lane (or their buckets when there are many) and the drawn period in UTC milliseconds.",
            content: json(
              view({
                lanes: { type: "array", items: { type: "object" } },
                from: { type: "integer" },
                to: { type: "integer" },
                today: { type: "integer" },
                marks: { type: "array", items: { type: "object" } },
                buckets: { type: "array", items: { type: "object" } },
                visits: { type: "array", items: { type: "object" } },
                visitBuckets: { type: "array", items: { type: "object" } },
                meetingCount: { type: "integer" },
              }),
            ),
          },
          ...errors(401),
        },
      },
    },
    "/api/v1/board/column": {
      get: {
        tags: ["views"],
        operationId: "getBoard",
        summary: "The status board, or with status the next cards of one column",
        parameters: [
          ...boardFilters,
          query("status", oneOf(ACTION_STATUSES), "One column: then lane, afterPosition and afterId page it."),
          query("lane", text, "The lane of that column."),
          query("afterPosition", { type: "integer" }, "Position of the last card shown."),
          query("afterId", { type: "integer" }, "Id of the last card shown."),
        ],
        responses: {
          "200": {
            description: "Without status: { today, lanes, totals, lanesTruncated }. With status: { cards }.",
            content: json({
              oneOf: [
                view({ today: { type: "string", format: "date" }, lanes: { type: "array", items: { type: "object" } }, totals: { type: "object", additionalProperties: { type: "integer" } }, lanesTruncated: { type: "boolean" } }),
                view({ cards: { type: "array", items: { type: "object" } } }),
              ],
            }),
          },
          ...errors(400, 401),
        },
      },
    },
    "/api/v1/board/move": {
      post: {
        tags: ["views"],
        operationId: "moveCard",
        summary: "Move a follow-up to a column and place, with the version read",
        requestBody: { required: true, content: json(jsonSchema(moveActionSchema)) },
        responses: { "200": { description: "Moved.", content: json({ type: "object" }) }, ...errors(400, 401, 403, 409, 422) },
      },
    },
    "/api/v1/board/actions/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      get: {
        tags: ["views"],
        operationId: "getBoardCard",
        summary: "One follow-up for the board's side panel: fields, comments, history, owner choices and whether the caller follows it",
        responses: {
          "200": {
            description: "The card.",
            content: json(view({ action: { type: "object" }, owners: { type: "array", items: { type: "object" } }, following: { type: "boolean" } })),
          },
          ...errors(400, 401, 404),
        },
      },
    },
    "/api/v1/exports/{report}": {
      parameters: [{ name: "report", in: "path", required: true, schema: oneOf(REPORTS) }],
      get: {
        tags: ["exports"],
        operationId: "export",
        summary: "Stream a report as a file",
        description: `Formats per report: ${REPORTS.map((r) => `${r}: ${REPORT_FORMATS[r].join(", ")}`).join("; ")}. Statuses: ${REPORTS.filter((r) => REPORT_STATUSES[r].length)
          .map((r) => `${r}: ${REPORT_STATUSES[r].join(", ")}`)
          .join("; ")}. The audit trail is for administrators. CSV is UTF-8 with a BOM.`,
        parameters: [
          query("format", oneOf(["csv", "xlsx", "pdf"]), "File format (default csv, pdf for the briefing)."),
          query("lang", oneOf(["en", "ko"]), "Language of headings and labels."),
          query("partner", { type: "array", items: { type: "integer", minimum: 1 } }, "Partner ids (repeat, or comma-separated); exactly one for a briefing."),
          query("from", { type: "string", format: "date" }, "First day."),
          query("to", { type: "string", format: "date" }, "Last day."),
          query("status", text, "A status of the report's vocabulary."),
          query("owner", { type: "integer", minimum: 1 }, "Owner person id (actions report)."),
        ],
        responses: {
          "200": {
            description: "The file, as an attachment; x-export-rows says how many rows.",
            headers: { "x-export-rows": { schema: { type: "integer" }, description: "Rows written (tables only)." } },
            content: file(["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"]),
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    "/api/v1/visits/{id}/briefing": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      get: {
        tags: ["exports"],
        operationId: "exportVisitBriefing",
        summary: "The visit briefing book as a file",
        description:
          "Cover, programme (each time in the place's zone and the home zone), delegation, counterparts with past meetings, the partnership's history, open commitments of both sides, gifts before and planned, logistics and points to raise. Every role that may export; audited like the other exports.",
        parameters: [query("format", oneOf(["pdf", "xlsx"]), "File format (default pdf)."), query("lang", oneOf(["en", "ko"]), "Language of the book (default en).")],
        responses: {
          "200": { description: "The file, as an attachment.", content: file(["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]) },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    "/api/v1/calendar.ics": {
      get: {
        tags: ["exports"],
        operationId: "calendarFeed",
        summary: "The calendar feed (iCalendar) of meetings and due dates",
        description:
          "Calendar apps cannot sign in, so the token in the address is the credential: a token of scope calendar, revocable, optionally for one partner. Each event carries SEQUENCE (the record's version), DTSTAMP, STATUS and a VALARM reminder.",
        security: [],
        parameters: [query("token", text, "A calendar-scope token.", true), query("lang", oneOf(["en", "ko"]), "Language of titles.")],
        responses: {
          "200": { description: "RFC 5545 calendar.", content: { "text/calendar": { schema: { type: "string" } } } },
          "401": { $ref: "#/components/responses/Error401" },
        },
      },
    },
  };
}

import { openApiDocument } from "@/server/api/openapi";
import { apiRoute } from "@/server/http";

export const GET = apiRoute("read", async () => openApiDocument());

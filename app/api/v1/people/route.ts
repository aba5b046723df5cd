import { collectionHandlers } from "@/server/api/handlers";

export const { GET, POST } = collectionHandlers("people");

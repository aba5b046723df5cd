import { collectionHandlers } from "@/lib/api/handlers";

export const { GET, POST } = collectionHandlers("visits");

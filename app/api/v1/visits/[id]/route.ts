import { itemHandlers } from "@/server/api/handlers";

export const { GET, PUT, PATCH, DELETE } = itemHandlers("visits");

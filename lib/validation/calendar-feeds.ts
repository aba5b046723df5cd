import { z } from "zod";
import { optionalId, requiredText } from "./common";

/** A new calendar feed: its name and, optionally, the one partner it is limited to. */
export const calendarFeedSchema = z.object({ name: requiredText(100), partnerId: optionalId });

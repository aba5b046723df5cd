import type { Locale } from "@/lib/format";
import type { MeetingFormValues } from "../form-values";
import { type MeetingPersonOption } from "@/lib/types/lists";

export interface PartnerChoice {
  id: number;
  name: string;
  timeZone: string;
}

export interface MeetingFormProps {
  meetingId?: number;
  version?: number;
  initial: MeetingFormValues;
  partners: PartnerChoice[];
  initialPeople: MeetingPersonOption[];
  /** People already on this meeting, so an archived one still shows by name. */
  knownPeople: { id: number; label: string }[];
  existingActions: { id: number; title: string; status: string }[];
  timeZones: string[];
  viewerZone: string;
  locale: Locale;
}

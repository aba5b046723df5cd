// A visit as its page, its form and its agenda read it.
import type { PersonBasics } from "./lists";

export type VisitDetail = {
  partnerIds: number[];
  partners: {
    id: number;
    slug: string;
    nameEn: string;
    nameKo: string;
    nameLocal: string | null;
    timeZone: string;
  }[];
  members: {
    id: number;
    personId: number;
    role: string;
    titleAtTime: string | null;
    person: PersonBasics;
  }[];
  programme: {
    attendeeIds: number[];
    id: number;
    visitId: number;
    kind: string;
    title: string;
    startsAt: Date | null;
    endsAt: Date | null;
    timeZone: string;
    place: string | null;
    notes: string | null;
    meetingId: number | null;
  }[];
  legs: {
    id: number;
    visitId: number;
    personId: number | null;
    mode: string;
    number: string | null;
    fromPlace: string;
    fromTimeZone: string;
    departsAt: Date | null;
    toPlace: string;
    toTimeZone: string;
    arrivesAt: Date | null;
    notes: string | null;
  }[];
  gifts: {
    id: number;
    visitId: number;
    item: string;
    description: string | null;
    toPersonId: number | null;
    estimatedValue: number | null;
    currency: string | null;
    giftId: number | null;
  }[];
  checklist: {
    done: boolean;
    id: number;
    visitId: number;
    title: string;
    side: string;
    dueOn: string | null;
    doneAt: Date | null;
    position: number;
    actionId: number | null;
  }[];
  createdAt: Date;
  updatedAt: Date;
  id: number;
  direction: string;
  title: string;
  purpose: string | null;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  datePrecision: string;
  headPersonId: number | null;
  hotel: string | null;
  interpreterLanguages: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  notes: string | null;
  version: number;
  archivedAt: Date | null;
};

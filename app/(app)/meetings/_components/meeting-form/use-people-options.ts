"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { PERSON_SIDES } from "@/lib/domain";
import { queryKeys } from "@/lib/query/keys";
import type { MeetingFormValues } from "../form-values";
import { type MeetingPersonOption } from "@/lib/types/lists";

async function fetchPeople(partnerId: number | null): Promise<MeetingPersonOption[]> {
  const res = await fetch(`/meetings/people-options${partnerId ? `?partner=${partnerId}` : ""}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { people: MeetingPersonOption[] }).people;
}

/** The people the form offers: the partner's and ours, then the references gifts and follow-ups can make. */
export function usePeopleOptions(opts: {
  values: MeetingFormValues;
  initialPartnerId: string;
  initialPeople: MeetingPersonOption[];
  /** People already on this meeting, so an archived one still shows by name. */
  knownPeople: { id: number; label: string }[];
}) {
  const t = useTranslations("meetings.form");
  const { values, knownPeople } = opts;
  const partnerId = Number(values.partnerId) || null;
  const people = useQuery({
    queryKey: queryKeys.meetings.peopleOptions(partnerId),
    queryFn: () => fetchPeople(partnerId),
    initialData: partnerId === (Number(opts.initialPartnerId) || null) ? opts.initialPeople : undefined,
  });
  const personName = useMemo(() => {
    const m = new Map<number, string>();
    for (const p of knownPeople) m.set(p.id, p.label);
    for (const p of people.data ?? []) m.set(p.id, p.nameLocal ? `${p.nameEn} (${p.nameLocal})` : p.nameEn);
    return m;
  }, [people.data, knownPeople]);

  // People a gift or action can point at: this form's participants, then everyone else offered.
  const refOptions = useMemo(() => {
    const rows = values.participants
      .map((p, i) => {
        const label = p.mode === "new" ? p.newPerson.nameEn.trim() : p.personId ? (personName.get(Number(p.personId)) ?? "") : "";
        // Name first, so typing a name in a native select picks that person.
        return label ? { value: `row:${p.key}`, label: t("participantN", { n: i + 1, name: label }) } : null;
      })
      .filter((x): x is { value: string; label: string } => x !== null);
    const inRows = new Set(values.participants.filter((p) => p.mode === "existing").map((p) => p.personId));
    const others = (people.data ?? []).filter((p) => !inRows.has(String(p.id))).map((p) => ({ value: `id:${p.id}`, label: personName.get(p.id) ?? p.nameEn }));
    return [...rows, ...others];
  }, [values.participants, people.data, personName, t]);

  const refOptionsFor = (current: string) =>
    current && !refOptions.some((o) => o.value === current) && current.startsWith("id:")
      ? [...refOptions, { value: current, label: personName.get(Number(current.slice(3))) ?? `#${current.slice(3)}` }]
      : refOptions;

  const personOptions = (current: string) => {
    const list = people.data ?? [];
    const opts = PERSON_SIDES.map((side) => ({
      side,
      items: list.filter((p) => p.side === side).map((p) => ({ value: String(p.id), label: (personName.get(p.id) ?? p.nameEn) + (p.title ? ` — ${p.title}` : "") })),
    }));
    const missing = current && !list.some((p) => String(p.id) === current) ? { value: current, label: personName.get(Number(current)) ?? `#${current}` } : null;
    return { opts, missing };
  };

  return { isLoading: people.isLoading, isError: people.isError, refOptionsFor, personOptions };
}

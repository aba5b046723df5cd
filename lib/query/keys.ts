// One factory for every TanStack Query key, so that prefetch, reads and invalidation agree.
export interface MeetingListKeyParams {
  q?: string;
  partner?: string;
  kind?: string;
  status?: string;
  from?: string;
  to?: string;
  sort?: string;
  page?: number;
}

export const queryKeys = {
  meetings: {
    all: ["meetings"] as const,
    lists: () => [...queryKeys.meetings.all, "list"] as const,
    list: (p: MeetingListKeyParams) => [...queryKeys.meetings.lists(), p] as const,
    peopleOptions: (partnerId: number | null) => [...queryKeys.meetings.all, "people-options", partnerId] as const,
  },
} as const;

import { and, count, eq } from "drizzle-orm";
import type { Actor } from "./audit";
import { SYSTEM_ACTOR } from "./audit";
import type { Db } from "./client";
import { gift, partner } from "./schema";
import { createMilestone } from "./queries/milestones";
import { createMeeting } from "./queries/meetings";
import { createPartner } from "./queries/partners";
import { createPerson } from "./queries/people";
import { setHomeRegion } from "./queries/settings";
import { createVisit } from "./queries/visits";
import { rebuildSearchIndex } from "./search";
import { beginBulkLoad } from "./seed-bulk";
import { seedScaleVisits } from "./seed-scale-visits";
import { inTransaction, isSqlite } from "./tx";

// The demo data is what the source article states (shared/source/gyeonggi-chongqing-2019-11-27.txt)
// and nothing more. Names in Korean and Chinese are the standard forms of the places and people
// the article names in English.

const FRIENDSHIP_SUMMARY = "Friendly relationship for economic cooperation with Gyeonggi Province.";

const PARTNERS = [
  {
    slug: "tianjin",
    nameEn: "Tianjin Municipality",
    nameKo: "톈진시",
    nameLocal: "天津市",
    kind: "municipality",
    since: "2008",
    summary: `${FRIENDSHIP_SUMMARY} The first of Gyeonggi Province's partnerships in China.`,
  },
  { slug: "jiangsu", nameEn: "Jiangsu Province", nameKo: "장쑤성", nameLocal: "江苏省", kind: "province", since: "2011", summary: FRIENDSHIP_SUMMARY },
  { slug: "jilin", nameEn: "Jilin Province", nameKo: "지린성", nameLocal: "吉林省", kind: "province", since: "2014", summary: FRIENDSHIP_SUMMARY },
  {
    slug: "heilongjiang",
    nameEn: "Heilongjiang Province",
    nameKo: "헤이룽장성",
    nameLocal: "黑龙江省",
    kind: "province",
    since: "2016",
    summary: FRIENDSHIP_SUMMARY,
  },
] as const;

/** True when the database holds no partner yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.select({ n: count() }).from(partner).limit(1))[0]!.n === 0;
}

/** Seeds the source article's data on an empty database; a no-op otherwise. */
export async function seedDemo(db: Db, actor: Actor = SYSTEM_ACTOR): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await inTransaction(db, async (tx) =>
    setHomeRegion(tx, { nameEn: "Gyeonggi Province", nameKo: "경기도", nameLocal: "경기도", country: "KR", timeZone: "Asia/Seoul" }));

  for (const p of PARTNERS) {
    const row = await createPartner(db, actor, {
      ...p,
      country: "CN",
      level: "friendship",
      status: "active",
      timeZone: "Asia/Shanghai",
    });
    await createMilestone(db, actor, {
      partnerId: row.id,
      kind: "start",
      date: p.since,
      title: "Friendly relationship for economic cooperation established",
    });
  }

  const chongqing = await createPartner(db, actor, {
    slug: "chongqing",
    nameEn: "Chongqing Municipality",
    nameKo: "충칭시",
    nameLocal: "重庆市",
    country: "CN",
    kind: "municipality",
    level: "cooperation",
    status: "active",
    since: "2019-11-27",
    timeZone: "Asia/Shanghai",
    summary:
      "Cooperation initiated on 27 November 2019: Gyeonggi Province's first detailed discussion of cooperation with a city of central or western China, starting with big data information and data sharing.",
  });
  await createMilestone(db, actor, {
    partnerId: chongqing.id,
    kind: "start",
    date: "2019-11-27",
    title: "Cooperation initiated: first meeting of Governor Lee Jae-myung and Mayor Tang Liangzhi",
  });

  const lee = await createPerson(db, actor, {
    nameEn: "Lee Jae-myung",
    nameLocal: "이재명",
    title: "Governor",
    organisation: "Gyeonggi Province",
    side: "home",
  });
  const lim = await createPerson(db, actor, {
    nameEn: "Lim Mun-yeong",
    nameLocal: "임문영",
    title: "Director General, Future Growth Policy Bureau",
    organisation: "Gyeonggi Province",
    side: "home",
  });
  const tang = await createPerson(db, actor, {
    nameEn: "Tang Liangzhi",
    nameLocal: "唐良智",
    title: "Mayor",
    organisation: "Chongqing Municipal People's Government",
    side: "partner",
    partnerId: chongqing.id,
  });
  const luo = await createPerson(db, actor, {
    nameEn: "Luo Qingchen",
    title: "Director, Big Data Development Bureau",
    organisation: "Chongqing Municipal People's Government",
    side: "partner",
    partnerId: chongqing.id,
  });

  const first = await createMeeting(db, actor, {
    partnerId: chongqing.id,
    title: "Governor Lee Jae-myung meets Mayor Tang Liangzhi: a new door for economic exchange and cooperation",
    kind: "meeting",
    status: "held",
    date: "2019-11-27",
    time: "15:00",
    timeZone: "Asia/Shanghai",
    durationMinutes: 60,
    venue: "Foreign Affairs Office of the Chongqing Municipal People's Government",
    city: "Chongqing",
    attendeeCount: 30,
    topics:
      "Economic exchange and cooperation; big data information and data sharing for future industries; a Chongqing delegation's visit to Gyeonggi Province; Pangyo Techno Valley and SK Hynix",
    summary:
      "Governor Lee and Mayor Tang agreed to open a \"new door for exchange and cooperation\" between Gyeonggi Province and Chongqing City, which both sit at the centre of their countries and play central roles in national industrial development. Mayor Tang explained Chongqing's economic conditions, environment and characteristics; Governor Lee introduced Pangyo Techno Valley and SK Hynix, which is also located in Chongqing. The meeting, of about one hour, was held in a friendly atmosphere; Mayor Tang noted Gyeonggi's \"basic income\" and \"balanced development of northern provincial regions\" policies.",
    outcomes:
      "Reaffirmed commitment to economic exchange and cooperation, starting with big data information and data sharing. Both leaders instructed their working groups to cooperate: Director General Lim Mun-yeong and Director Luo Qingchen were introduced to each other. Mayor Tang had his staff organise a task force for a Chongqing delegation's visit to Gyeonggi Province, and said his first stop in Korea will be Gyeonggi Province, including Pangyo Techno Valley and SK Hynix. Gifts were exchanged.",
    participants: [
      { personId: lee.id, role: "lead", titleAtTime: "Governor of Gyeonggi Province" },
      { personId: lim.id, role: "attendee", titleAtTime: "Director General, Future Growth Policy Bureau" },
      { personId: tang.id, role: "lead", titleAtTime: "Mayor of Chongqing" },
      { personId: luo.id, role: "attendee", titleAtTime: "Director, Big Data Development Bureau" },
    ],
    gifts: [
      {
        direction: "given",
        item: "White porcelain \"Moon Jar\"",
        description: "Created by a master potter in Icheon City.",
        origin: "Icheon City, Gyeonggi Province",
        fromPersonId: lee.id,
        toPersonId: tang.id,
      },
      {
        direction: "received",
        item: "Romance of the Three Kingdoms, in Chinese and English",
        fromPersonId: tang.id,
        toPersonId: lee.id,
      },
      {
        direction: "received",
        item: "Handcrafted fan",
        description: "Handcrafted by a master artisan designated as an intangible cultural asset in China.",
        origin: "China",
        fromPersonId: tang.id,
        toPersonId: lee.id,
      },
    ],
    actions: [
      {
        title: "Start cooperation on big data information and data sharing",
        description:
          "Governor Lee instructed his team to strengthen cooperation with Chongqing City, starting with big data information and data sharing; Director General Lim to cooperate closely with Director Luo.",
        side: "ours",
        ownerPersonId: lim.id,
        priority: "high",
      },
      {
        title: "Organise a task force for a Chongqing delegation's visit to Gyeonggi Province",
        description: "Mayor Tang instructed Director Luo to organise a task force as quickly as possible for his visit to Gyeonggi Province.",
        side: "theirs",
        ownerPersonId: luo.id,
        priority: "high",
      },
      {
        title: "Mayor Tang's visit to Gyeonggi Province: Pangyo Techno Valley and SK Hynix",
        description:
          "Mayor Tang: \"When I do come to Korea, my first stop will be Gyeonggi Province.\" He will visit Pangyo Techno Valley and SK Hynix to find ways to cooperate. Governor Lee: \"We will prepare for and await your visit.\"",
        side: "theirs",
        ownerPersonId: tang.id,
        priority: "normal",
      },
    ],
  });
  await seedVisits(db, actor, { chongqing: chongqing.id, meeting: first.id, lee: lee.id, lim: lim.id, tang: tang.id, luo: luo.id });
  return true;
}

/**
 * The article's two visits: the governor's trip that held the 27 November meeting, and the
 * delegation Mayor Tang promised. Only what the article says: no dates, hotels or flights it lacks.
 */
async function seedVisits(db: Db, actor: Actor, ids: { chongqing: number; meeting: number; lee: number; lim: number; tang: number; luo: number }) {
  const [moonJar] = await db
    .select({ id: gift.id })
    .from(gift)
    .where(and(eq(gift.meetingId, ids.meeting), eq(gift.direction, "given")));
  await createVisit(db, actor, {
    direction: "outgoing",
    title: "Governor Lee Jae-myung's visit to Chongqing",
    purpose: "Open a new door for economic exchange and cooperation with Chongqing City, starting with big data information and data sharing.",
    status: "completed",
    startsOn: "2019-11",
    datePrecision: "month",
    partnerIds: [ids.chongqing],
    members: [
      { personId: ids.lee, role: "head", titleAtTime: "Governor of Gyeonggi Province" },
      { personId: ids.lim, role: "member", titleAtTime: "Director General, Future Growth Policy Bureau" },
    ],
    programme: [
      {
        kind: "meeting",
        title: "Meeting of Governor Lee Jae-myung and Mayor Tang Liangzhi",
        timeZone: "Asia/Shanghai",
        startDate: "2019-11-27",
        startTime: "15:00",
        endTime: "16:00",
        place: "Foreign Affairs Office of the Chongqing Municipal People's Government",
        attendeeIds: [ids.lee, ids.lim, ids.tang, ids.luo],
        meetingId: ids.meeting,
      },
    ],
    gifts: [
      {
        item: "White porcelain \"Moon Jar\"",
        description: "Created by a master potter in Icheon City.",
        toPersonId: ids.tang,
        giftId: moonJar?.id,
      },
    ],
  });
  await createVisit(db, actor, {
    direction: "incoming",
    title: "Chongqing delegation to Gyeonggi Province, led by Mayor Tang Liangzhi",
    purpose: "Mayor Tang: \"When I do come to Korea, my first stop will be Gyeonggi Province.\" He will visit Pangyo Techno Valley and SK Hynix to find ways to cooperate.",
    status: "planned",
    partnerIds: [ids.chongqing],
    members: [{ personId: ids.tang, role: "head", titleAtTime: "Mayor of Chongqing" }],
    programme: [
      { kind: "site_visit", title: "Pangyo Techno Valley", timeZone: "Asia/Seoul", place: "Pangyo Techno Valley", attendeeIds: [ids.tang] },
      { kind: "site_visit", title: "SK Hynix", timeZone: "Asia/Seoul", place: "SK Hynix", attendeeIds: [ids.tang] },
    ],
    checklist: [
      { title: "Task force for the visit organised (Director Luo Qingchen, Big Data Development Bureau)", side: "theirs" },
      { title: "Cooperate closely with Chongqing's task force (Director General Lim Mun-yeong and Director Luo Qingchen)", side: "ours" },
    ],
  });
}

// ---------------------------------------------------------------- synthetic load data

/** mulberry32: a small deterministic PRNG, so a seed number always gives the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  "big data",
  "semiconductors",
  "trade fair",
  "culture exchange",
  "tourism",
  "youth exchange",
  "smart city",
  "environment",
  "logistics",
  "healthcare",
];
const TOPICS_KO = ["빅데이터", "반도체", "무역박람회", "문화교류", "관광", "청소년 교류", "스마트시티", "환경", "물류", "보건"];
const TOPICS_ZH = ["大数据", "半导体", "贸易博览会", "文化交流", "旅游", "青少年交流", "智慧城市", "环境", "物流", "医疗"];
const KINDS = ["meeting", "visit", "video_call", "signing", "event"] as const;
const ACTION_STATUSES = ["open", "in_progress", "blocked", "done", "cancelled"] as const;
const PRIORITIES = ["low", "normal", "high", "urgent"] as const;

/** The tables seedScale fills: their indexes are built after the load (db/seed-bulk.ts). */
const SCALE_TABLES = ["person", "meeting", "participant", "action", "visit", "visit_partner", "visit_member", "programme_item", "programme_attendee", "travel_leg", "checklist_item"] as const;

/**
 * Adds `n` synthetic meetings (2 participants each) and about 3 actions per meeting, spread over
 * the seeded partners since 2008, and one synthetic visit per ten meetings (db/seed-scale-visits.ts);
 * deterministic from `seed`. Written with prepared statements in one transaction: this is for load
 * tests, not a path users take, so it writes no audit events.
 */
export async function seedScale(
  db: Db,
  n: number,
  seed = 1,
  opts: { visits?: number } = {},
): Promise<{ meetings: number; actions: number; visits: number; seconds: { rows: number; search: number } }> {
  // Bulk synthetic data is written through SQLite's prepared statements; for PostgreSQL, seed a
  // SQLite file and copy it over (`npm run db:copy`), which is also the faster way to load one.
  if (!isSqlite(db)) throw new Error("--demo-scale writes SQLite: seed a SQLite file with it, then `npm run db:copy -- --from <file> --to <postgres url>`.");
  const sqlite = db.$client;
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const partners = sqlite.prepare("select id from partner order by id").all() as { id: number }[];
  if (!partners.length) throw new Error("Seed the demo data first: scale data hangs off its partners.");
  const insMeeting = sqlite.prepare(
    `insert into meeting (partner_id, title, kind, status, starts_at, time_zone, duration_minutes, venue, city, attendee_count, topics, summary, outcomes, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'Asia/Shanghai', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPerson = sqlite.prepare(
    `insert into person (name_en, title, organisation, side, partner_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insParticipant = sqlite.prepare(
    `insert into participant (meeting_id, person_id, role, title_at_time, created_at, updated_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const insAction = sqlite.prepare(
    `insert into action (partner_id, meeting_id, title, side, owner_person_id, due_on, status, priority, position, completed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const maxPos = sqlite.prepare("select status, max(position) p from action group by status").all() as { status: string; p: number }[];
  const pos: Record<string, number> = Object.fromEntries(maxPos.map((r) => [r.status, r.p]));
  const start = Date.UTC(2008, 0, 1);
  const span = Date.UTC(2027, 0, 1) - start;
  let actions = 0;
  let visits = 0;

  const load = sqlite.transaction(() => {
    const now = Date.now();
    const people = new Map<number, [number, number]>();
    for (const p of partners) {
      const home = Number(insPerson.run(`Staff member ${p.id}`, "Officer", "Home office", "home", null, now, now).lastInsertRowid);
      const theirs = Number(insPerson.run(`Partner official ${p.id}`, "Director", "Partner office", "partner", p.id, now, now).lastInsertRowid);
      people.set(p.id, [home, theirs]);
    }
    for (let i = 0; i < n; i++) {
      const partnerId = pick(partners).id;
      const t = Math.floor(start + random() * span);
      const topic = Math.floor(random() * TOPICS.length);
      const kind = pick(KINDS);
      const status = t > now ? "planned" : random() < 0.05 ? "cancelled" : "held";
      const title = `${TOPICS[topic]} ${kind.replace("_", " ")} #${i + 1}`;
      const summary = `Discussed ${TOPICS[topic]} (${TOPICS_KO[topic]}, ${TOPICS_ZH[topic]}).`;
      const outcomes = `Agreed next steps on ${TOPICS[topic]}.`;
      const mid = Number(
        insMeeting.run(partnerId, title, kind, status, t, 60, "City hall", "", 10 + Math.floor(random() * 40), TOPICS[topic], summary, outcomes, now, now)
          .lastInsertRowid,
      );
      const [home, theirs] = people.get(partnerId)!;
      insParticipant.run(mid, home, "lead", "Officer", now, now);
      insParticipant.run(mid, theirs, "lead", "Director", now, now);
      const k = 2 + Math.floor(random() * 3);
      for (let j = 0; j < k; j++) {
        const st = pick(ACTION_STATUSES);
        pos[st] = (pos[st] ?? 0) + 1024;
        const due = new Date(t + (7 + Math.floor(random() * 120)) * 86_400_000).toISOString().slice(0, 10);
        insAction.run(
          partnerId,
          mid,
          `Follow up on ${TOPICS[topic]} (${j + 1})`,
          random() < 0.5 ? "ours" : "theirs",
          random() < 0.5 ? home : theirs,
          due,
          st,
          pick(PRIORITIES),
          pos[st],
          st === "done" ? t + 86_400_000 : null,
          now,
          now,
        );
        actions++;
      }
    }
    visits = seedScaleVisits({ sqlite, random, partners, people, topics: TOPICS, start, span, now }, opts.visits ?? Math.floor(n / 10));
  });
  const t0 = performance.now();
  const bulk = beginBulkLoad(sqlite, SCALE_TABLES);
  try {
    load();
  } finally {
    bulk.finish(); // the indexes, built once the rows are in
  }
  const t1 = performance.now();
  // The index names partners and participants: built in batches once the rows are in.
  await rebuildSearchIndex(db);
  const s = (ms: number) => Math.round(ms / 100) / 10;
  return { meetings: n, actions, visits, seconds: { rows: s(t1 - t0), search: s(performance.now() - t1) } };
}

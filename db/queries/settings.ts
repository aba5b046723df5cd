import { eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { setting } from "../schema";

/** The home region: a setting, so nothing in the app is specific to one government. */
export interface HomeRegion {
  nameEn: string;
  nameKo: string;
  nameLocal: string;
  country: string;
  timeZone: string;
}

const HOME_KEY = "home_region";
const FALLBACK: HomeRegion = { nameEn: "Home region", nameKo: "본 지역", nameLocal: "", country: "KR", timeZone: "UTC" };

export async function getHomeRegion(db: Db): Promise<HomeRegion> {
  const row = (await db.select().from(setting).where(eq(setting.key, HOME_KEY)).limit(1))[0];
  return row ? { ...FALLBACK, ...(JSON.parse(row.value) as Partial<HomeRegion>) } : FALLBACK;
}

export async function setHomeRegion(tx: Tx, home: HomeRegion): Promise<void> {
  await tx.insert(setting)
    .values({ key: HOME_KEY, value: JSON.stringify(home) })
    .onConflictDoUpdate({ target: setting.key, set: { value: JSON.stringify(home), updatedAt: new Date() } });
}

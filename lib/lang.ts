/** The BCP 47 language of a country's local script, for lang attributes; undefined when unsure. */
export function localLang(country: string | null | undefined): string | undefined {
  const map: Record<string, string> = { CN: "zh-Hans", TW: "zh-Hant", HK: "zh-Hant", JP: "ja", KR: "ko", VN: "vi", MN: "mn", RU: "ru", TH: "th" };
  return country ? map[country.toUpperCase()] : undefined;
}

// The shared zod schema and the server speak English; the form shows its errors in the user's
// language. Known messages map to keys; zod's built-in ones map by their kind.
const KNOWN: Record<string, string> = {
  "Required.": "required",
  "Use a date like 2019-11-27.": "dateFormat",
  "Not a real date.": "notRealDate",
  "Not a real date and time.": "notRealDate",
  "Use a time like 15:00.": "timeFormat",
  "Unknown time zone.": "timeZone",
  "Give the currency of the value.": "currencyNeeded",
  "A three-letter currency code, such as KRW.": "currencyCode",
  "Choose a person or add a new one.": "choosePerson",
  "Choose a person or add a new one, not both.": "choosePerson",
  "Refers to a participant who is not in the list.": "unknownPerson",
  "Unknown partner.": "unknownPartner",
  "Unknown person.": "unknownPerson",
  "Unknown user.": "unknownPerson",
  "Listed twice.": "listedTwice",
};

export function errorKey(message: string): string {
  const known = KNOWN[message];
  if (known) return known;
  if (/^Too big: expected string/.test(message)) return "tooLong";
  if (/^Too big/.test(message)) return "tooBig";
  if (/^Too small: expected (string|array)/.test(message)) return "required";
  if (/^Too small/.test(message)) return "tooSmall";
  if (/expected number/.test(message) || /expected int/.test(message)) return "notANumber";
  if (/^Invalid option/.test(message)) return "chooseOption";
  return "invalid";
}

// Where a field is missing or unusable, say what to do there ("Choose a partner"), whatever zod
// called it: an empty partner, for one, is coerced to 0 and fails as "too small".
const BY_PATH: [RegExp, string][] = [
  [/^partnerId$/, "choosePartner"],
  [/^title$/, "enterTitle"],
  [/^(date|time)$/, "enterWhen"],
  [/^participants\.\d+\.(personId|newPerson)$/, "choosePerson"],
  [/^participants\.\d+\.newPerson\.nameEn$/, "enterName"],
  [/^gifts\.\d+\.item$/, "enterItem"],
  [/^actions\.\d+\.title$/, "enterActionTitle"],
];
const WHAT_TO_DO = new Set(["required", "tooSmall", "notANumber", "invalid", "dateFormat", "timeFormat", "notRealDate", "unknownPartner"]);

export function errorKeyFor(path: string, message: string): string {
  const key = errorKey(message);
  const own = BY_PATH.find(([re]) => re.test(path))?.[1];
  return own && WHAT_TO_DO.has(key) ? own : key;
}

/** Field errors keyed by path ("gifts.0.item"), each message translated. */
export function translateFieldErrors(fields: Record<string, string[]>, t: (key: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, msgs] of Object.entries(fields)) out[path] = [...new Set(msgs.map((m) => t(errorKeyFor(path, m))))];
  return out;
}

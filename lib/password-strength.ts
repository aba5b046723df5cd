import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

// zxcvbn's common-password list (passwords seen in breaches), English words and names, plus its
// patterns (repeats, sequences, keyboard walks, dates) make the blocklist; one estimator serves
// the server's check and the form's meter, so both always agree.
export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score 3: at least 10^8 guesses ("safely unguessable" for online attacks). */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/** 0 (a common password) to 4 (very strong). `userInputs` (email, name) count as known words. */
export function passwordScore(password: string, userInputs: string[] = []): 0 | 1 | 2 | 3 | 4 {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs });
  return factory.check(password, userInputs).score;
}

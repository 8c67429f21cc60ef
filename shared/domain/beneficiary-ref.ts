import { z } from '@hono/zod-openapi';

/**
 * U+FFFD, the replacement character: what a program leaves where it read bytes in the wrong
 * encoding (a Latin-1 file read as UTF-8). Two references that differed there ("Bé", "Bè") now
 * read the same, so one that holds it cannot be pseudonymised as the household it names.
 */
export const REPLACEMENT_CHARACTER = '\uFFFD';

export const DECODED_WRONGLY =
  'holds "\uFFFD" (U+FFFD), which a program leaves where it read text in the wrong encoding: save the list as UTF-8 (Excel: "CSV UTF-8") and send it again';

/** A household reference as a partner sends it: pseudonymised at once, never stored or echoed. */
export const beneficiaryRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .refine((ref) => !ref.includes(REPLACEMENT_CHARACTER), DECODED_WRONGLY);

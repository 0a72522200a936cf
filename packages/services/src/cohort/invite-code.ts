import { randomBytes } from "node:crypto";

// Crockford's base32: no i, l, o or u, so a code read aloud or copied by hand stays right.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 16;

/** 16 characters of 32 each: 80 random bits, beyond guessing. */
export function createInviteCode(): string {
  // 256 is a multiple of 32, so each byte's low five bits are uniform.
  return [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join("");
}

/** Codes are typed by hand or pasted from a link: case, spaces and dashes do not matter. */
export function normalizeInviteCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

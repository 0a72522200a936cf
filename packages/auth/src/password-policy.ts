export const MIN_PASSWORD_LENGTH = 10;

/** Returns why a password is too weak, or null when it is acceptable. */
export function findPasswordWeakness(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (!/[a-zA-Z]/.test(password) || !/[0-9]/.test(password)) return "Use both letters and digits.";
  if (/^(.)\1+$/.test(password) || /^(password|letmein|qwerty)/i.test(password)) return "Choose a less guessable password.";
  return null;
}

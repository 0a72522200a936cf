export const DEFAULT_NEXT_PATH = "/dashboard";

const PLACEHOLDER_ORIGIN = "https://academy.invalid";

/**
 * The page to open after signing in: a path on this site, or the dashboard. Browsers read `\` as `/`,
 * drop tabs and newlines, and some servers decode `%5C` and `%2F` before routing, so any of these
 * (raw or percent-encoded) could turn `/…` into `//evil.example`; such values are refused outright.
 */
export function findSafeNextPath(next: string | null | undefined) {
  if (!next?.startsWith("/")) return DEFAULT_NEXT_PATH;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  for (const candidate of [next, decoded]) {
    if (candidate.startsWith("//") || candidate.includes("\\") || /\p{Cc}/u.test(candidate)) return DEFAULT_NEXT_PATH;
  }
  const url = new URL(next, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return DEFAULT_NEXT_PATH;
  // Resolving dot segments can make `//` of `/.//evil.example`: the result is checked as well.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") || path.includes("\\") ? DEFAULT_NEXT_PATH : path;
}

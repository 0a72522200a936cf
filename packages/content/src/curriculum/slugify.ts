/** The file-name slug of a title: lower case, every run of other characters than a-z0-9 one dash. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Anchor ids for one document's headings: a repeated title gets -2, -3, ... so links stay unique. */
export function createAnchorSlugger() {
  const used = new Map<string, number>();
  return (text: string): string => {
    const base = slugify(text) || "section";
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

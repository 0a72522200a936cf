import "server-only";

import { cache } from "react";

import { getServerCaller } from "~/trpc/server";

/** The lesson, or null for a section that does not exist (the page answers 404). */
export const loadLesson = cache(async (sectionId: string) => {
  try {
    return await (await getServerCaller()).curriculum.get({ sectionId });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return null;
    throw error;
  }
});

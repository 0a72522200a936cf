import "server-only";

/** A read of an exam procedure, or null when the attempt is not the learner's (or no attempt id at all): the page answers 404. */
export async function readOrNotFound<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return null;
    throw error;
  }
}

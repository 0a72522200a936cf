import { z } from "zod";

import { SUBMISSION_STATUSES } from "./statuses";

export const submissionStatusSchema = z.enum(SUBMISSION_STATUSES);

export const statusEventSchema = z.object({ submissionId: z.uuid(), userId: z.string(), status: submissionStatusSchema });
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** The NOTIFY payload of a status change, validated here so every sender sends what listeners read. */
export function encodeStatusEvent(event: StatusEvent): string {
  return JSON.stringify(statusEventSchema.parse(event));
}

/** A payload as a status event; undefined for anything else (a NOTIFY anyone may send on the channel). */
export function decodeStatusEvent(payload: string | undefined): StatusEvent | undefined {
  try {
    const parsed = statusEventSchema.safeParse(JSON.parse(payload ?? "null"));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

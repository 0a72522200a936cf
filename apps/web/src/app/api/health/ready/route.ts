import { getDb } from "~/server/db";

import { checkReadiness } from "./check-readiness";

/** Readiness: the database answers through this process's pool; a load balancer sends traffic only then. */
export const dynamic = "force-dynamic";

export function GET() {
  return checkReadiness(getDb());
}

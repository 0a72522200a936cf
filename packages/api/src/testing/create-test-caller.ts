import type { Db } from "@academy/db";
import type { GradingPorts } from "@academy/services";

import { createCaller } from "../root";
import type { SessionUser } from "../trpc";
import { createContextInner } from "../trpc";

type UserRow = { id: string; name: string; email: string; role: SessionUser["role"] };

export function createTestCaller(db: Db, user: UserRow | null, grading: GradingPorts | null = null) {
  return createCaller(
    createContextInner({ db, grading, user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null }),
  );
}

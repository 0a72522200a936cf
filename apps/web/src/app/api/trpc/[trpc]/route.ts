import { createTRPCContext, handleTrpcRequest } from "@academy/api";

import { getEnv } from "~/env";
import { getAuth } from "~/server/auth";
import { getDb } from "~/server/db";
import { getExamAttemptListener } from "~/server/exam-attempts";
import { getGradingPorts } from "~/server/grading";
import { getWebMetrics } from "~/server/metrics";

const handler = (request: Request) =>
  handleTrpcRequest(request, {
    endpoint: "/api/trpc",
    createContext: async ({ req }) =>
      createTRPCContext({
        db: getDb(),
        auth: getAuth(),
        headers: req.headers,
        grading: await getGradingPorts(),
        metrics: getWebMetrics().callMetrics,
        examAttempts: await getExamAttemptListener().catch(() => null),
        mockExam: { durationMinutes: getEnv().EXAM_MOCK_DURATION_MINUTES },
      }),
    onError: ({ path, error }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
    },
  });

export { handler as GET, handler as POST };

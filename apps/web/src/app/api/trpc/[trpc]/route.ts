import { createTRPCContext, handleTrpcRequest } from "@academy/api";

import { getEnv } from "~/env";
import { getAuth } from "~/server/auth";
import { getDb } from "~/server/db";
import { getExamAttemptListener } from "~/server/exam-attempts";
import { getGradingPorts } from "~/server/grading";
import { getWebMetrics } from "~/server/metrics";
import { logTrpcCall, resolveRequestId } from "~/server/request-log";

const handler = async (request: Request) => {
  const requestId = resolveRequestId(request.headers, Boolean(getEnv().TRUSTED_PROXY));
  const response = await handleTrpcRequest(request, {
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
        requestId,
        logCall: logTrpcCall,
      }),
    onError: ({ path, error }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed (request ${requestId}):`, error);
    },
  });
  // The id the caller can quote, and the one the logs (web and grader) carry.
  response.headers.set("x-request-id", requestId);
  return response;
};

export { handler as GET, handler as POST };

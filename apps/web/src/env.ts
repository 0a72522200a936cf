import { DEFAULT_ADDRESS_LIMITS, findInvalidProxyEntries } from "@academy/auth/client-address";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgres:// URL (the start script sets it)." }),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters."),
  APP_URL: z.url().default("http://localhost:3000"),
  EXERCISES_DIR: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TRUSTED_PROXY: z
    .string()
    .optional()
    .refine((value) => !value || findInvalidProxyEntries(value).length === 0, {
      message: "TRUSTED_PROXY must list IP addresses or CIDR ranges, separated by commas (e.g. 10.0.0.5 or 10.0.0.0/24,::1).",
    }),
  AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_ADDRESS_LIMITS.signInAttemptsPerMinute),
  AUTH_SIGN_UPS_PER_10_MINUTES: z.coerce.number().int().min(1).default(DEFAULT_ADDRESS_LIMITS.signUpsPerTenMinutes),
  CONTENT_DIR: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters.").optional(),
  // Unset: the exam blueprint's sitting (90 minutes). Browser tests set a few minutes to let the clock run out.
  EXAM_MOCK_DURATION_MINUTES: z.coerce
    .number({ message: "EXAM_MOCK_DURATION_MINUTES must be a whole number of minutes." })
    .int("EXAM_MOCK_DURATION_MINUTES must be a whole number of minutes.")
    .min(1, "EXAM_MOCK_DURATION_MINUTES must be at least 1.")
    .max(600, "EXAM_MOCK_DURATION_MINUTES may be at most 600.")
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Read lazily: `next build` imports server modules without a database or secrets. */
export function getEnv(): Env {
  cached ??= envSchema.parse(withoutBlankValues(process.env));
  return cached;
}

/** A variable set to nothing (`METRICS_TOKEN=` in a compose .env file) counts as not set. */
function withoutBlankValues(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}

import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgres:// URL (the start script sets it)." }),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters."),
  APP_URL: z.url().default("http://localhost:3000"),
  EXERCISES_DIR: z.string().optional(),
  AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  CONTENT_DIR: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Read lazily: `next build` imports server modules without a database or secrets. */
export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

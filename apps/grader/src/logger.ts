import pino from "pino";

export function createLogger(level: string) {
  return pino({ level, base: { service: "grader", pid: process.pid } });
}

export type Logger = ReturnType<typeof createLogger>;

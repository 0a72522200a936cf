type LogFn = (fields: Record<string, unknown>) => void;

/** The levels the queue logs at; a pino logger fits. */
export type QueueLogger = { info: LogFn; warn: LogFn; error: LogFn };

const lineAt =
  (level: string, write: (line: string) => void): LogFn =>
  (fields) =>
    write(JSON.stringify({ level, ...fields }));

/** JSON lines, for processes without a logger of their own (the web app). */
export const consoleLogger: QueueLogger = {
  info: lineAt("info", console.log),
  warn: lineAt("warn", console.warn),
  error: lineAt("error", console.error),
};

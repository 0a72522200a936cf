type LogFn = (fields: Record<string, unknown>) => void;

/** The levels the listeners and the job queue log at; a pino logger fits. */
export type Logger = { info: LogFn; warn: LogFn; error: LogFn };

const lineAt =
  (level: string, write: (line: string) => void): LogFn =>
  (fields) =>
    write(JSON.stringify({ level, ...fields }));

/** JSON lines, for processes without a logger of their own (the web app). */
export const consoleLogger: Logger = {
  info: lineAt("info", console.log),
  warn: lineAt("warn", console.warn),
  error: lineAt("error", console.error),
};

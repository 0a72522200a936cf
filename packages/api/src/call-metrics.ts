/**
 * What the API reports about its calls, without knowing the metrics library: the web app passes
 * one built on its Prometheus registry, tests a real one on their own registry.
 */
export type CallMetrics = {
  recordCall: (call: { procedure: string; outcome: "ok" | "error"; seconds: number; errorCode?: string }) => void;
  /** Counts one more open subscription stream; the returned function counts it closed. */
  openStream: (procedure: string) => () => void;
};

/** The stream as it is, counted open from its first read until it ends or its reader leaves. */
export async function* countWhileOpen<T>(stream: AsyncIterable<T>, metrics: CallMetrics, procedure: string) {
  const close = metrics.openStream(procedure);
  try {
    yield* stream;
  } finally {
    close();
  }
}

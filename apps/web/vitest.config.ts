import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      // Tests run outside React's server environment, where the guard would throw on import.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: { include: ["src/**/*.test.ts"], globalSetup: ["../../packages/db/src/testing/global-setup.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});

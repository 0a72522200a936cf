import { readFileSync } from "node:fs";
import path from "node:path";

import { getEnv } from "./env";
import { startWebServer } from "./http/start-web-server";

/*
 * The web image's entry, bundled beside Next.js's standalone output (`output: "standalone"`):
 * that output has no next.config, so the configuration the build recorded is handed to Next.js
 * the way its own standalone server.js does.
 */
const appDir = import.meta.dirname;
const { config } = JSON.parse(readFileSync(path.join(appDir, ".next/required-server-files.json"), "utf8")) as { config: unknown };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

await startWebServer(getEnv(), { appDir });

import path from "node:path";

import { getEnv } from "./env";
import { startWebServer } from "./http/start-web-server";

await startWebServer(getEnv(), { appDir: path.resolve(import.meta.dirname, "..") });

import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoExercisesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../exercises");

import path from "node:path";

/** pnpm runs root scripts from the repository root; paths are relative to where the user typed them. */
export function resolveFromInvocation(arg: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
}

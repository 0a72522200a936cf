import "server-only";

import { redirect } from "next/navigation";

import { getSessionUser } from "~/trpc/server";

export async function requireUser(returnTo: string) {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Liveness: the process answers. It touches nothing else, so a database outage never restarts the web app. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } });
}

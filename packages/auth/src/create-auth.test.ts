import { createTestDb } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAuth } from "./create-auth";

describe("accounts", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    testDb = await createTestDb();
    auth = createAuth({ db: testDb.db, secret: "test-secret-that-is-long-enough-1234", baseUrl: "http://localhost:3000", addressLimits: { signInAttemptsPerMinute: 1000, signUpsPerTenMinutes: 1000 } });
  });
  afterAll(() => testDb.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    auth.handler(
      new Request(`http://localhost:3000/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000", ...headers },
        body: JSON.stringify(body),
      }),
    );
  const signUp = (email: string, password: string) => post("/sign-up/email", { email, password, name: "Ada" });

  it("signs up a learner, storing a hash and never the password", async () => {
    const response = await signUp("ada@example.test", "correct-horse-42");
    expect(response.status).toBe(200);
    const { rows } = await testDb.db.$client.query("select u.role, a.password from \"user\" u join account a on a.user_id = u.id where u.email = $1", ["ada@example.test"]);
    expect(rows[0].role).toBe("learner");
    expect(rows[0].password).not.toContain("correct-horse-42");
  });

  it("rejects a duplicate email with a readable message", async () => {
    await signUp("twice@example.test", "correct-horse-42");
    const response = await signUp("twice@example.test", "another-pass-99");
    expect(response.status).toBeGreaterThanOrEqual(400);
    const body = (await response.json()) as { message: string };
    expect(body.message).toMatch(/already exists/i);
  });

  it("rejects a weak password with a readable message", async () => {
    for (const weak of ["short1", "onlyletterslong", "1234567890123"]) {
      const response = await signUp(`weak-${weak}@example.test`, weak);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/password/i);
    }
    const { rows } = await testDb.db.$client.query("select count(*)::int as n from \"user\" where email like 'weak-%'");
    expect(rows[0].n).toBe(0);
  });

  it("signs in with the right password only", async () => {
    await signUp("grace@example.test", "correct-horse-42");
    const good = await post("/sign-in/email", { email: "grace@example.test", password: "correct-horse-42" });
    expect(good.status).toBe(200);
    expect(good.headers.get("set-cookie")).toContain("session_token");
    const bad = await post("/sign-in/email", { email: "grace@example.test", password: "wrong-horse-42" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("set-cookie") ?? "").not.toContain("session_token=");
  });

  it("applies the password policy when a password is changed", async () => {
    await signUp("linus@example.test", "correct-horse-42");
    const signedIn = await post("/sign-in/email", { email: "linus@example.test", password: "correct-horse-42" });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toContain("session_token=");

    for (const weak of ["onlyletterslong", "password123456"]) {
      const response = await post("/change-password", { currentPassword: "correct-horse-42", newPassword: weak }, { cookie });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^Password too weak/);
    }
    expect((await post("/sign-in/email", { email: "linus@example.test", password: "correct-horse-42" })).status).toBe(200);

    const strong = await post("/change-password", { currentPassword: "correct-horse-42", newPassword: "battery-staple-77" }, { cookie });
    expect(strong.status).toBe(200);
    expect((await post("/sign-in/email", { email: "linus@example.test", password: "battery-staple-77" })).status).toBe(200);
  });

  it("marks the session cookie Secure only when the app is served over https", async () => {
    expect((await signUp("plain@example.test", "correct-horse-42")).headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
    const tlsAuth = createAuth({ db: testDb.db, secret: "test-secret-that-is-long-enough-1234", baseUrl: "https://academy.example", addressLimits: { signInAttemptsPerMinute: 1000, signUpsPerTenMinutes: 1000 } });
    const response = await tlsAuth.handler(
      new Request("https://academy.example/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://academy.example" },
        body: JSON.stringify({ email: "tls@example.test", password: "correct-horse-42", name: "Tess" }),
      }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain("__Secure-");
    expect(cookie).toMatch(/session_token=[^;]+;.*Secure/i);
  });
});

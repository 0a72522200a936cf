import Link from "next/link";
import { Suspense } from "react";

import { AuthForm } from "~/components/auth-form";

export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <Suspense>
        <AuthForm mode="sign-in" />
      </Suspense>
      <p className="text-sm text-slate-600">
        New here? <Link className="text-brand-700 underline" href="/sign-up">Create an account</Link>
      </p>
    </div>
  );
}

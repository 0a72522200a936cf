import Link from "next/link";
import { Suspense } from "react";

import { AuthForm } from "~/components/auth-form";

export const metadata = { title: "Sign up" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Create your account</h1>
      <Suspense>
        <AuthForm mode="sign-up" />
      </Suspense>
      <p className="text-sm text-slate-600">
        Already have one? <Link className="text-brand-700 underline" href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}

import "./globals.css";

import type { Metadata } from "next";
import { headers } from "next/headers";

import { CspNonceProvider } from "~/components/csp-nonce";
import { SiteHeader } from "~/components/site-header";
import { NONCE_HEADER } from "~/http/security-headers";
import { TRPCReactProvider } from "~/trpc/react";

/** Every page shows who is signed in, so none is prerendered at build time. */
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "FastAPI Academy", template: "%s · FastAPI Academy" },
  description: "Learn FastAPI, practise on autograded exercises, and prove it in a timed exam.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en">
      <body>
        <CspNonceProvider nonce={nonce}>
          <TRPCReactProvider>
            <SiteHeader />
            <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
          </TRPCReactProvider>
        </CspNonceProvider>
      </body>
    </html>
  );
}

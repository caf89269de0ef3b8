import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/components/trpc/react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Ringside',
  description: 'Operations console for Apache Cassandra',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/">Ringside</Link>
        </header>
        <main>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </main>
      </body>
    </html>
  );
}

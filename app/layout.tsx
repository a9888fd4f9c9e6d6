import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from './_trpc/provider';
import './globals.css';

export const metadata: Metadata = {
  title: 'Throughline · Order-to-cash',
  description: 'Open process intelligence for order-to-cash',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}

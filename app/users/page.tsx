// User management (admins): accounts, roles, owner scope, passwords and each user's API tokens.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { UsersPage } from '../_users/UsersPage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Throughline · Users' };

export default function Page() {
  return (
    <Suspense fallback={null}>
      <UsersPage />
    </Suspense>
  );
}

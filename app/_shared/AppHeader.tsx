'use client';
// The header with what every page shares: the signed-in user (the nav shows only the pages their
// roles may open; the account link; sign-out) and light/dark. Pages pass what is theirs (the log
// switcher, data freshness, the active page).
import { useMutation, useQuery } from '@tanstack/react-query';
import { Header, type HeaderProps } from '../../components/Header';
import { useTRPC } from '../_trpc/client';
import { useTheme } from './theme';

export type AppHeaderProps = Omit<HeaderProps, 'user' | 'onSignOut' | 'theme' | 'onThemeChange'>;

/** The signed-in user (undefined while asked, null when nobody is signed in). */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 300_000 }));
}

export function AppHeader(props: AppHeaderProps) {
  const trpc = useTRPC();
  const [theme, setTheme] = useTheme();
  const meQ = useMe();
  const signOut = useMutation(trpc.auth.signOut.mutationOptions({ onSettled: () => window.location.assign('/signin') }));
  // An answer that failed leaves the user unknown (the nav then shows what every role may open).
  return <Header {...props} theme={theme} onThemeChange={setTheme} user={meQ.data} onSignOut={() => signOut.mutate()} />;
}

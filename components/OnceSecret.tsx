'use client';
// A secret the server answered once (a new password, an API token): shown in full with a copy
// button and what to do with it. The parent drops it when dismissed; it cannot be fetched again.
import { useState, type ReactNode } from 'react';
import styles from './Accounts.module.css';

export interface OnceSecretProps {
  title: string;
  secret: string;
  testId?: string;
  onDismiss: () => void;
  children?: ReactNode;
}

export function OnceSecret({ title, secret, testId, onDismiss, children }: OnceSecretProps) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const doCopy = () => {
    // Clipboard access can be refused (no permission, plain http): then the text is selectable.
    if (!navigator.clipboard) return setCopy('failed');
    navigator.clipboard.writeText(secret).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <div className={styles.secret} role="status" data-testid={testId}>
      <p className={styles.secretTitle}>{title}</p>
      <div className={styles.secretRow}>
        <code className={styles.secretValue} data-testid={testId ? `${testId}-value` : undefined}>
          {secret}
        </code>
        <button type="button" className={styles.button} onClick={doCopy}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copy === 'failed' && <p className={styles.note}>The browser refused the clipboard: select the text and copy it.</p>}
      {children}
      <p className={styles.note}>
        It is shown this once: the server keeps only a hash.{' '}
        <button type="button" className={styles.linkButton} onClick={onDismiss}>
          I have kept it
        </button>
      </p>
    </div>
  );
}

// Markdown as the reader sees it. react-markdown renders no raw HTML and drops unsafe link
// protocols, so a shared notebook cannot inject markup.
import Markdown from 'react-markdown';
import styles from './MarkdownView.module.css';

export function MarkdownView({ text }: { text: string }) {
  return (
    <div className={styles.markdown} data-testid="markdown-view">
      <Markdown>{text}</Markdown>
    </div>
  );
}

// Saves a notebook document as `<slug>.tlnb.json` in the browser's downloads.
import { slugOf, type NotebookDoc } from '../../notebooks/types';

export function downloadDoc(title: string, doc: NotebookDoc): void {
  const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${slugOf(title)}.tlnb.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

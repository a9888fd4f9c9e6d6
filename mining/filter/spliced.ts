// A named query spliced into a filter's selection: the selection binds its own `$f_<n>`
// parameters, so the query's own parameters are renamed to them ($log_id stays: the selection
// binds it too). Comments go first, since they name parameters too; the text is whole SQL
// otherwise (no '--' inside strings).
/** `text` with every `$name` but `$log_id` replaced by `rename(name)`; an unknown one is an error. */
export function renameParams(query: string, text: string, rename: (name: string) => string | undefined): string {
  return text
    .replace(/--[^\n]*/g, '')
    .replace(/\$([a-z_]+)\b/g, (all, name: string) => {
      if (name === 'log_id') return all;
      const to = rename(name);
      if (to === undefined) throw new Error(`${query}: unexpected parameter $${name}`);
      return to;
    })
    .trim();
}

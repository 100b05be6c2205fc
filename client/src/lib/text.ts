/** Shortens text for accessible names and option labels, on a word boundary where possible. */
export function short(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The fields of `next` that differ from `initial`: an edit sends only what the person changed, so it
 * does not overwrite fields someone else changed meanwhile. */
export function changedFields<T extends object>(initial: T, next: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (JSON.stringify(initial[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch;
}

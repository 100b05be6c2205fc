const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const when = (at: number) => dateTime.format(at);

export function None() {
  return <p className="report-none">None.</p>;
}

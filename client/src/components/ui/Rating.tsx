/** A 1–5 score as five marks with the number beside them; "not scored yet" when there is none. */
export function Rating({ value, label }: { value: number | null; label: string }) {
  if (value === null) {
    return (
      <span className="rating rating-none">
        <span className="visually-hidden">{label}: </span>not scored yet
      </span>
    );
  }
  return (
    <span className="rating">
      <span className="visually-hidden">
        {label}: {value} of 5
      </span>
      <span className="rating-marks" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className={n <= value ? 'rating-mark rating-mark-on' : 'rating-mark'} />
        ))}
      </span>
      <span className="rating-number" aria-hidden="true">
        {value}/5
      </span>
    </span>
  );
}

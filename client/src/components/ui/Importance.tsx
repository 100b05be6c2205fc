/** Importance 1–5 as five dots, with the number spelled out for screen readers. */
export function Importance({ value }: { value: number }) {
  return (
    <span className="importance" title={`Importance ${value} of 5`}>
      <span className="visually-hidden">Importance {value} of 5</span>
      <span aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className={n <= value ? 'dot dot-on' : 'dot'} />
        ))}
      </span>
    </span>
  );
}

import type { Suggestions } from './trend';

/** Facilitator-only ideas tied to a falling trend; shown beside the chart, never imposed. */
export function SuggestionList({ suggestions }: { suggestions: Suggestions }) {
  return (
    <section className="pulse-suggestions" aria-label="Suggestions for the facilitator">
      <p className="pulse-suggestions-reason">
        <strong>The room may be getting less safe.</strong> {suggestions.reason} You could:
      </p>
      <ul>
        {suggestions.items.map((s) => (
          <li key={s.id}>{s.text}</li>
        ))}
      </ul>
    </section>
  );
}

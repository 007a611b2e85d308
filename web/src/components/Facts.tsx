import { floorplanFacts, type FloorplanFacts } from '../lib/format';

/** "3 bd · 2.5 ba · 1,850 sq ft", with full words for screen readers. */
export function Facts({ floorplan, className = 'facts' }: { floorplan: FloorplanFacts; className?: string }) {
  const facts = floorplanFacts(floorplan);
  if (facts.length === 0) return null;
  return (
    <ul className={className}>
      {facts.map((f) => (
        <li key={f.label}>
          <span className="facts__value">{f.value}</span> <span aria-hidden="true">{f.label}</span>
          <span className="visually-hidden">{f.longLabel}</span>
        </li>
      ))}
    </ul>
  );
}

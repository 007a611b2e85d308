import type { CatalogStep } from './domain';

/**
 * Numbered step circles joined by connector lines; the current step is highlighted and
 * marked `aria-current="step"`. Every step (and the final Gallery) can be opened directly.
 */
export function StepNav({ steps, current, onGo }: { steps: CatalogStep[]; current: number; onGo: (step: number) => void }) {
  const names = [...steps.map((s) => s.name), 'Gallery'];
  return (
    <nav className="stepnav" aria-label="Steps">
      <ol className="stepnav__list">
        {names.map((name, i) => {
          const state = i === current ? 'current' : i < current ? 'done' : 'todo';
          return (
            <li key={i} className={`stepnav__item stepnav__item--${state}`}>
              <button type="button" className="stepnav__button" aria-current={i === current ? 'step' : undefined} onClick={() => onGo(i)}>
                <span className="stepnav__circle" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="stepnav__label">
                  <span className="visually-hidden">Step {i + 1}: </span>
                  {name}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

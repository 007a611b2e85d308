import { formatCents } from '../lib/money';
import type { CatalogSubcategory } from './domain';
import { unitText } from './state';

interface Props {
  subcategory: CatalogSubcategory;
  quantity: number;
  unitPriceCents: number;
  enabled: boolean;
  onChange: (quantity: number) => void;
}

/**
 * − / value / + for additive subcategories (1..maxQuantity), usable only while a priced
 * option is chosen. Buttons at a bound stay focusable (aria-disabled) so focus never drops.
 */
export function QuantityStepper({ subcategory, quantity, unitPriceCents, enabled, onChange }: Props) {
  const max = Math.max(1, subcategory.maxQuantity);
  const canDecrease = enabled && quantity > 1;
  const canIncrease = enabled && quantity < max;
  return (
    <div className={`stepper${enabled ? '' : ' stepper--disabled'}`} role="group" aria-label={`Quantity: ${subcategory.name}`}>
      <div className="stepper__controls">
        <button
          type="button"
          className="stepper__button"
          aria-label={`Decrease ${subcategory.name}`}
          aria-disabled={!canDecrease}
          onClick={() => canDecrease && onChange(quantity - 1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <output className="stepper__value" aria-live="polite" aria-label={`${subcategory.name} quantity`}>
          {enabled ? quantity : 0}
        </output>
        <button
          type="button"
          className="stepper__button"
          aria-label={`Increase ${subcategory.name}`}
          aria-disabled={!canIncrease}
          onClick={() => canIncrease && onChange(quantity + 1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      {enabled ? (
        <p className="stepper__line">
          <span>
            × {quantity} {unitText(quantity, subcategory.unitLabel)}
          </span>
          <strong>{formatCents(unitPriceCents * quantity)}</strong>
        </p>
      ) : (
        <p className="stepper__hint">Choose an option above to set how many (up to {max}).</p>
      )}
    </div>
  );
}

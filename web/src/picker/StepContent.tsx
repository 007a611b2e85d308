import type { Dispatch, Ref } from 'react';
import { quantityOf, type CatalogIndex, type CatalogStep, type CatalogSubcategory } from './domain';
import { OptionGroup } from './OptionGroup';
import { StepPhotos } from './Photos';
import { QuantityStepper } from './QuantityStepper';
import { isQuantityEnabled, type PickerAction, type PickerState } from './state';

export function sectionDomId(step: CatalogStep, i: number): string {
  return `section-${step.slug}-${i}`;
}

interface Props {
  step: CatalogStep;
  stepNumber: number;
  stepTotal: number;
  index: CatalogIndex;
  state: PickerState;
  dispatch: Dispatch<PickerAction>;
  headingRef: Ref<HTMLHeadingElement>;
  /** One-column layout: the step's photos sit above its options. */
  inlinePhotos: boolean;
}

/** A step's heading, (on mobile) its photos, then its sections of subcategories. */
export function StepContent({ step, stepNumber, stepTotal, index, state, dispatch, headingRef, inlinePhotos }: Props) {
  return (
    <div className="step">
      <header className="step-head">
        <p className="step-head__eyebrow">
          Step {stepNumber} of {stepTotal}
        </p>
        <h2 className="step-head__title" tabIndex={-1} ref={headingRef}>
          {step.name}
        </h2>
        {step.subtitle ? <p className="step-head__subtitle">{step.subtitle}</p> : null}
      </header>
      {inlinePhotos ? <StepPhotos step={step} /> : null}
      {step.sections.length === 0 ? <p className="muted">There is nothing to choose in this step.</p> : null}
      {step.sections.map((section, i) => {
        const subs = section.subcategoryIds.map((id) => index.subcategories.get(id)).filter((s): s is CatalogSubcategory => !!s);
        const id = sectionDomId(step, i);
        return (
          <section key={id} id={id} className="option-section" aria-labelledby={`${id}-title`} tabIndex={-1}>
            <h3 id={`${id}-title`} className="option-section__title">
              {section.title}
            </h3>
            {subs.map((sub) => (
              <Subcategory key={sub.id} subcategory={sub} index={index} state={state} dispatch={dispatch} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function Subcategory({
  subcategory,
  index,
  state,
  dispatch,
}: {
  subcategory: CatalogSubcategory;
  index: CatalogIndex;
  state: PickerState;
  dispatch: Dispatch<PickerAction>;
}) {
  const selectedId = state.selections[subcategory.id];
  const selected = subcategory.options.find((o) => o.id === selectedId);
  return (
    <div className="subcat">
      <h4 className="subcat__title">{subcategory.name}</h4>
      <OptionGroup
        subcategory={subcategory}
        selectedId={selectedId}
        onPick={(optionId) => dispatch({ type: 'pick', subcategoryId: subcategory.id, optionId })}
      />
      {subcategory.isAdditive ? (
        <QuantityStepper
          subcategory={subcategory}
          quantity={quantityOf(subcategory, state.quantities)}
          unitPriceCents={selected?.priceCents ?? 0}
          enabled={isQuantityEnabled(index, state.selections, subcategory.id)}
          onChange={(quantity) => dispatch({ type: 'setQuantity', subcategoryId: subcategory.id, quantity })}
        />
      ) : null}
    </div>
  );
}

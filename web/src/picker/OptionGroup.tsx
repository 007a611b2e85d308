import { useId, useRef, type KeyboardEvent } from 'react';
import { normalizeHex } from '../lib/theme';
import type { CatalogOption, CatalogSubcategory } from './domain';
import { formatOptionPrice } from './state';

interface Props {
  subcategory: CatalogSubcategory;
  selectedId: string | undefined;
  onPick: (optionId: string) => void;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * One subcategory's options as a radio group (WAI-ARIA radio pattern): one tab stop (the
 * chosen option), arrow keys / Home / End move and choose, Space or Enter chooses.
 * Visual subcategories render swatch cards, the others compact rows.
 */
export function OptionGroup({ subcategory, selectedId, onPick }: Props) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const baseId = useId();
  const options = subcategory.options;
  const selectedIndex = options.findIndex((o) => o.id === selectedId);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, i: number) {
    let to: number | null = null;
    if (NEXT.has(event.key)) to = (i + 1) % options.length;
    else if (PREV.has(event.key)) to = (i - 1 + options.length) % options.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = options.length - 1;
    if (to === null) return;
    event.preventDefault();
    refs.current[to]?.focus();
    onPick(options[to]!.id);
  }

  const visual = subcategory.isVisual;
  return (
    <div role="radiogroup" aria-label={subcategory.name} className={visual ? 'swatch-grid' : 'option-list'}>
      {options.map((option, i) => {
        const checked = option.id === selectedId;
        const nameId = `${baseId}-${i}-name`;
        const priceId = `${baseId}-${i}-price`;
        const descId = `${baseId}-${i}-desc`;
        return (
          <button
            key={option.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-labelledby={`${nameId} ${priceId}`}
            aria-describedby={option.description ? descId : undefined}
            tabIndex={i === tabStop ? 0 : -1}
            data-option-id={option.id}
            className={`${visual ? 'swatch' : 'option-row'}${checked ? ' is-checked' : ''}`}
            onClick={() => onPick(option.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {visual ? <SwatchImage option={option} /> : <span className="option-row__radio" aria-hidden="true" />}
            <span className={visual ? 'swatch__text' : 'option-row__text'}>
              <span id={nameId} className={visual ? 'swatch__name' : 'option-row__name'}>
                {option.name}
              </span>
              {option.description ? (
                <span id={descId} className={visual ? 'swatch__desc' : 'option-row__desc'}>
                  {option.description}
                </span>
              ) : null}
            </span>
            <span id={priceId} className={`price${option.priceCents === 0 ? ' price--included' : ''}`}>
              {formatOptionPrice(option.priceCents)}
            </span>
          </button>
        );
      })}
    </div>
  );
}

function SwatchImage({ option }: { option: CatalogOption }) {
  if (option.swatchUrl) {
    return (
      <span className="swatch__media">
        <img src={option.swatchUrl} alt={option.name} width={256} height={256} loading="lazy" decoding="async" />
      </span>
    );
  }
  // Admin-entered colour: only a real hex value reaches the style attribute.
  const color = normalizeHex(option.swatchColor);
  return (
    <span className="swatch__media" aria-hidden="true">
      <span className={`swatch__chip${color ? '' : ' swatch__chip--none'}`} style={color ? { background: color } : undefined}>
        {color ? null : option.name.slice(0, 1)}
      </span>
    </span>
  );
}

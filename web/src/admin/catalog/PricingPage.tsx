/**
 * `/admin/pricing?floorplan=<id>`: per-floorplan prices. Each option the floorplan offers
 * shows its base price (set in the option tree) and, where set, an override that buyers of
 * this floorplan pay instead. Set an override in place; reset returns to the base price.
 */
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmButton, LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useAdmin } from '../context';
import { useLoad } from '../hooks';
import { formatCents } from '../../lib/money';
import * as api from './api';
import type { AdminFloorplan, PriceOverride } from './api';
import { priceGroups, withOverride, withoutOverride, type PriceRow } from './pricing';
import type { Tree } from './tree';
import { FloorplanPicker, InlineError, InlinePrice, LiveRegion, useAnnouncer, useApiCall, useCatalogTitle, useDirtySet, useParamChoice } from './ui';
import './catalog.css';

export function PricingPage() {
  useCatalogTitle('Pricing');
  const base = useLoad(
    async (signal) => {
      const [fps, tree] = await Promise.all([api.fetchFloorplans(signal), api.fetchTree(signal)]);
      return { floorplans: fps.floorplans, tree: tree.categories };
    },
    'pricing-base',
  );
  return (
    <div className="cat-page">
      <PageHead title="Pricing">Per-floorplan prices. An override replaces an option’s base price for buyers of that floorplan only.</PageHead>
      <ReadOnlyNote />
      {base.status === 'loading' ? <Loading label="Loading prices…" /> : null}
      {base.status === 'error' ? <LoadError error={base.error} onRetry={base.reload} /> : null}
      {base.status === 'ready' ? <PricingForFloorplan floorplans={base.data.floorplans} tree={base.data.tree} /> : null}
    </div>
  );
}

function PricingForFloorplan({ floorplans, tree }: { floorplans: AdminFloorplan[]; tree: Tree }) {
  const [floorplanId, setFloorplanId] = useParamChoice(
    'floorplan',
    floorplans.map((f) => f.id),
  );
  const overrides = useLoad((signal) => (floorplanId ? api.fetchOverrides(floorplanId, signal).then((r) => r.overrides) : Promise.resolve([])), `overrides-${floorplanId}`);
  const { dirty, report } = useDirtySet();

  if (!floorplans.length) {
    return (
      <p className="cat-empty">
        No floorplans yet. <Link to="/admin/floorplans">Create one first.</Link>
      </p>
    );
  }
  const floorplan = floorplans.find((f) => f.id === floorplanId)!;
  return (
    <>
      <FloorplanPicker
        floorplans={floorplans}
        value={floorplanId}
        onChange={(id) => {
          if (dirty && !window.confirm('You have a price you have not saved. Switch floorplans and discard it?')) return;
          setFloorplanId(id);
        }}
      />
      {overrides.status === 'loading' ? <Loading label="Loading overrides…" /> : null}
      {overrides.status === 'error' ? <LoadError error={overrides.error} onRetry={overrides.reload} /> : null}
      {overrides.status === 'ready' ? <PriceTable key={floorplan.id} floorplan={floorplan} tree={tree} initial={overrides.data} reportDirty={report} /> : null}
    </>
  );
}

function PriceTable({ floorplan, tree, initial, reportDirty }: { floorplan: AdminFloorplan; tree: Tree; initial: PriceOverride[]; reportDirty: (key: string, dirty: boolean) => void }) {
  const { isAdmin } = useAdmin();
  const call = useApiCall();
  const [overrides, setOverrides] = useState(initial);
  const overridesRef = useRef(overrides);
  overridesRef.current = overrides;
  const [message, announce] = useAnnouncer();
  const [error, setError] = useState<string | null>(null);
  const groups = useMemo(() => priceGroups(tree, overrides, floorplan.id), [tree, overrides, floorplan.id]);
  const count = overrides.filter((o) => o.floorplanId === floorplan.id).length;

  async function setPrice(row: PriceRow, cents: number): Promise<{ ok: true } | { ok: false; message: string }> {
    const previous = overridesRef.current;
    setOverrides((list) => withOverride(list, { optionId: row.optionId, floorplanId: floorplan.id, priceCents: cents }));
    const result = await call(() => api.setOverride(floorplan.id, row.optionId, cents));
    if (!result.ok) {
      const old = previous.find((o) => o.optionId === row.optionId && o.floorplanId === floorplan.id);
      setOverrides((list) => (old ? withOverride(list, old) : withoutOverride(list, floorplan.id, row.optionId)));
      return { ok: false, message: result.message };
    }
    announce(`${row.name} costs ${formatCents(cents)} on ${floorplan.name}.`);
    return { ok: true };
  }

  async function reset(row: PriceRow): Promise<{ ok: true } | { ok: false; message: string }> {
    const old = overridesRef.current.find((o) => o.optionId === row.optionId && o.floorplanId === floorplan.id);
    if (!old) return { ok: true };
    setOverrides((list) => withoutOverride(list, floorplan.id, row.optionId));
    const result = await call(() => api.resetOverride(floorplan.id, row.optionId));
    if (!result.ok) {
      setOverrides((list) => withOverride(list, old));
      return { ok: false, message: `${row.name} was not reset: ${result.message}` };
    }
    announce(`${row.name} is back to its base price on ${floorplan.name}.`);
    return { ok: true };
  }

  async function resetAll() {
    const previous = overridesRef.current;
    setOverrides((list) => list.filter((o) => o.floorplanId !== floorplan.id));
    setError(null);
    const result = await call(() => api.resetAllOverrides(floorplan.id));
    if (!result.ok) {
      setOverrides(previous);
      setError(`The overrides were not reset: ${result.message}`);
      return;
    }
    announce(`Every price on ${floorplan.name} is back to its base price.`);
  }

  return (
    <>
      <LiveRegion message={message} />
      <div className="cat-toolbar">
        <p className="cat-muted">
          {count} override{count === 1 ? '' : 's'} on {floorplan.name}
          {floorplan.isActive ? '' : ' (inactive floorplan)'}.
        </p>
        {isAdmin && count > 0 ? (
          <ConfirmButton label="Reset all to base" confirmLabel={`Confirm resetting all ${count} overrides on ${floorplan.name} to base prices`} onConfirm={() => void resetAll()} />
        ) : null}
      </div>
      <InlineError message={error} />
      {groups.length === 0 ? <p className="cat-empty">{floorplan.name} offers no options yet.</p> : null}
      {groups.map((g) => (
        <table key={g.subcategoryId} className="cat-table">
          <caption>{g.title}</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col" className="cat-num">
                Base price
              </th>
              <th scope="col">Price on {floorplan.name}</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {g.rows.map((row) => (
              <tr key={row.optionId} data-option-id={row.optionId} className={row.overrideCents !== null ? 'is-overridden' : undefined}>
                <th scope="row">
                  {row.name}
                  {row.overrideCents !== null ? <span className="cat-tag cat-tag--accent">Override</span> : null}
                </th>
                <td className="cat-num">{formatCents(row.basePriceCents)}</td>
                <td>
                  <InlinePrice
                    label={`Price of ${row.name} on ${floorplan.name}`}
                    hideLabel
                    cents={row.effectiveCents}
                    readOnly={!isAdmin}
                    onDirtyChange={(d) => reportDirty(`override-${row.optionId}`, d)}
                    onSave={(cents) =>
                      // Typing the base price back in is a reset, not an override equal to it.
                      cents === row.basePriceCents && row.overrideCents !== null ? reset(row) : setPrice(row, cents)
                    }
                  />
                </td>
                <td>
                  {isAdmin && row.overrideCents !== null ? (
                    <button
                      type="button"
                      className="cat-linkbtn"
                      onClick={async () => {
                        setError(null);
                        const result = await reset(row);
                        if (!result.ok) setError(result.message);
                      }}
                    >
                      Reset to base<span className="visually-hidden"> for {row.name}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

import { Link } from 'react-router';
import { Footer } from '../components/Layout';
import { useBrandTheme, useDocumentTitle } from '../lib/brand';
import { formatCents } from '../lib/money';
import { usePicker } from './context';
import { EmailLinkForm } from './EmailForms';
import { PickerHeader } from './PickerHeader';
import { stepSlug, summaryGroups, unitText, type SummaryLine } from './state';
import { SummaryImages } from './visualize/SummaryImages';

function amount(cents: number): string {
  return cents === 0 ? 'Included' : formatCents(cents);
}

/** `/:floorplanSlug/summary` — the chosen upgrades by step, the total, and print / PDF. */
export function SummaryView() {
  const { catalog, index, session, state, totalCents, saveStatus, retrySave } = usePicker();
  const { org, floorplan } = catalog;
  useBrandTheme(org.theme);
  useDocumentTitle(`Your selections — ${floorplan.name} — ${org.name}`);

  const groups = summaryGroups(index, state.selections, state.quantities);
  const backTo = `/${encodeURIComponent(floorplan.slug)}?step=${encodeURIComponent(stepSlug(catalog, state.step))}`;
  const canRetry = !!state.saveError && !state.saveError.rejected;

  return (
    <div className="summary-page">
      <PickerHeader catalog={catalog} saveStatus={saveStatus} canRetry={canRetry} onRetry={retrySave} titleAsHeading={false} />
      <main id="main" tabIndex={-1} className="container main summary">
        <header className="summary__head">
          <p className="summary__org">{org.name}</p>
          <h1 className="summary__title">
            {floorplan.name} <span className="summary__title-note">— upgrade selections</span>
          </h1>
          <p className="summary__meta">
            Prepared {new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' })}
          </p>
          <div className="summary__actions">
            <button type="button" className="button" onClick={() => window.print()}>
              Print / Save as PDF
            </button>
            <Link className="button button--ghost" to={backTo}>
              Back to your upgrades
            </Link>
          </div>
        </header>

        {groups.length === 0 ? <p className="muted">Nothing is chosen yet.</p> : null}
        {groups.map((group) => (
          <section key={group.stepId ?? 'other'} className="summary-group" aria-labelledby={`summary-${group.stepId ?? 'other'}`}>
            <h2 id={`summary-${group.stepId ?? 'other'}`} className="summary-group__title">
              {group.stepName}
            </h2>
            <table className="summary-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Selection</th>
                  <th scope="col" className="num">
                    Unit price
                  </th>
                  <th scope="col" className="num">
                    Qty
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              {group.sections.map((section) => (
                <tbody key={section.title}>
                  <tr className="summary-table__section">
                    <th scope="rowgroup" colSpan={5}>
                      {section.title}
                    </th>
                  </tr>
                  {section.lines.map((line) => (
                    <SummaryRow key={line.subcategoryId} line={line} />
                  ))}
                </tbody>
              ))}
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {group.stepName} subtotal
                  </th>
                  <td className="num">{formatCents(group.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </section>
        ))}

        <section className="summary-total" aria-label="Grand total">
          <p className="summary-total__row">
            <span>Upgrades total</span>
            <strong data-testid="summary-total">{formatCents(totalCents)}</strong>
          </p>
          {floorplan.basePriceCents !== null ? (
            <>
              <p className="summary-total__row summary-total__row--minor">
                <span>{floorplan.name} base price</span>
                <span>{formatCents(floorplan.basePriceCents)}</span>
              </p>
              <p className="summary-total__row summary-total__row--minor">
                <span>Estimated home price with upgrades</span>
                <span>{formatCents(floorplan.basePriceCents + totalCents)}</span>
              </p>
            </>
          ) : null}
        </section>

        <SummaryImages />

        <EmailLinkForm sessionId={session.id} defaultEmail={session.email} className="panel summary__email" />
      </main>
      <Footer orgName={org.name} />
    </div>
  );
}

function SummaryRow({ line }: { line: SummaryLine }) {
  return (
    <tr className={`summary-table__row${line.unitPriceCents === 0 ? ' summary-table__row--included' : ''}`}>
      <th scope="row" data-label="Item">
        {line.subcategoryName}
      </th>
      <td data-label="Selection">{line.optionName}</td>
      <td className="num" data-label="Unit price">
        {amount(line.unitPriceCents)}
      </td>
      <td className="num" data-label="Qty">
        {line.isAdditive && line.unitPriceCents !== 0 ? `${line.quantity} ${unitText(line.quantity, line.unitLabel)}`.trim() : '1'}
      </td>
      <td className="num" data-label="Total">
        {amount(line.totalCents)}
      </td>
    </tr>
  );
}

import { useCallback, useEffect, useRef, type CSSProperties, type MouseEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Footer } from '../components/Layout';
import { useBrandTheme, useDocumentTitle } from '../lib/brand';
import { formatCents } from '../lib/money';
import { ChangeNotice } from './ChangeNotice';
import { usePicker } from './context';
import type { Catalog, CatalogStep } from './domain';
import { EmailLinkForm } from './EmailForms';
import { DESKTOP_QUERY, prefersReducedMotion, useActiveSection, useElementHeight, useMediaQuery } from './hooks';
import { GalleryView, StepPhotos } from './Photos';
import { PickerHeader } from './PickerHeader';
import { StepContent, sectionDomId } from './StepContent';
import { StepNav } from './StepNav';
import { isGalleryStep, stepCount, stepSlug } from './state';

export function summaryPath(catalog: Catalog): string {
  return `/${encodeURIComponent(catalog.floorplan.slug)}/summary`;
}

/** `/:floorplanSlug` — the step-by-step upgrade wizard. */
export function PickerView() {
  const { catalog, index, session, state, dispatch, totalCents, saveStatus, retrySave } = usePicker();
  const { org, floorplan } = catalog;
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const headerRef = useRef<HTMLElement>(null);
  const headerHeight = useElementHeight(headerRef);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [params, setParams] = useSearchParams();

  const total = stepCount(catalog);
  const gallery = isGalleryStep(catalog, state.step);
  const step: CatalogStep | undefined = catalog.steps[state.step];
  const stepName = step?.name ?? 'Gallery';

  useBrandTheme(org.theme);
  useDocumentTitle(`${stepName} — ${floorplan.name} — ${org.name}`);

  // The URL mirrors the step (?step=slug) so a reload reopens it; no history entry per step.
  const slug = stepSlug(catalog, state.step);
  useEffect(() => {
    if (params.get('step') === slug) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('step', slug);
        return next;
      },
      { replace: true },
    );
  }, [slug, params, setParams]);

  // A new step starts at the top, with focus on its heading (screen readers hear where they are).
  const shownStep = useRef(state.step);
  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    window.scrollTo({ top: 0, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    headingRef.current?.focus({ preventScroll: true });
  }, [state.step]);

  const goTo = useCallback((n: number) => dispatch({ type: 'goToStep', step: n }), [dispatch]);
  const dismiss = useCallback(() => dispatch({ type: 'dismissNotice' }), [dispatch]);
  const canRetry = !!state.saveError && !state.saveError.rejected;

  const continueAction = gallery ? (
    <Link className="button button--block" to={summaryPath(catalog)}>
      Review your summary
    </Link>
  ) : (
    <button type="button" className="button button--block" onClick={() => goTo(state.step + 1)}>
      Continue
    </button>
  );

  return (
    <div className="picker-page" style={{ '--header-height': `${headerHeight}px` } as CSSProperties}>
      <PickerHeader ref={headerRef} catalog={catalog} saveStatus={saveStatus} canRetry={canRetry} onRetry={retrySave} titleAsHeading>
        <StepNav steps={catalog.steps} current={state.step} onGo={goTo} />
      </PickerHeader>
      <main id="main" tabIndex={-1} className="container container--wide picker">
        {desktop ? (
          <aside className="picker__sidebar" aria-label="Step overview">
            {step ? <StepPhotos step={step} compact /> : null}
            {step && step.sections.length > 1 ? <SectionNav step={step} offset={headerHeight} /> : null}
            <div className="picker__sidebar-foot">
              <section className="total-card" aria-label="Running total">
                <span className="total-card__label">Upgrades total</span>
                <span className="total-card__amount" data-testid="running-total">
                  {formatCents(totalCents)}
                </span>
                {floorplan.basePriceCents !== null ? (
                  <span className="total-card__base">
                    Base price {formatCents(floorplan.basePriceCents)} · Estimated {formatCents(floorplan.basePriceCents + totalCents)}
                  </span>
                ) : null}
              </section>
              {continueAction}
              {gallery ? null : (
                <Link className="picker__summary-link" to={summaryPath(catalog)}>
                  View summary
                </Link>
              )}
            </div>
          </aside>
        ) : null}

        <div className="picker__content">
          {gallery || !step ? (
            <GalleryView catalog={catalog} headingRef={headingRef} stepNumber={total} />
          ) : (
            <StepContent
              step={step}
              stepNumber={state.step + 1}
              stepTotal={total}
              index={index}
              state={state}
              dispatch={dispatch}
              headingRef={headingRef}
              inlinePhotos={!desktop}
            />
          )}

          <nav className="step-footer" aria-label="Step navigation">
            {state.step > 0 ? (
              <button type="button" className="button button--ghost" data-testid="step-back" onClick={() => goTo(state.step - 1)}>
                Back
              </button>
            ) : (
              <span />
            )}
            {gallery ? (
              <Link className="button" data-testid="step-continue" to={summaryPath(catalog)}>
                Review your summary
              </Link>
            ) : (
              <button type="button" className="button" data-testid="step-continue" onClick={() => goTo(state.step + 1)}>
                Continue to {catalog.steps[state.step + 1]?.name ?? 'Gallery'}
              </button>
            )}
          </nav>

          <EmailLinkForm sessionId={session.id} defaultEmail={session.email} className="panel" />
        </div>

        {desktop ? null : (
          <div className="price-bar" role="region" aria-label="Running total">
            <div className="price-bar__total">
              <span className="price-bar__label">Upgrades total</span>
              <span className="price-bar__amount" data-testid="running-total">
                {formatCents(totalCents)}
              </span>
            </div>
            <div className="price-bar__action">{continueAction}</div>
          </div>
        )}
      </main>
      <ChangeNotice notice={state.notice} onDismiss={dismiss} />
      <Footer orgName={org.name} wide />
    </div>
  );
}

/** Sidebar links to the step's sections; the one being read is highlighted as you scroll. */
function SectionNav({ step, offset }: { step: CatalogStep; offset: number }) {
  const ids = step.sections.map((_, i) => sectionDomId(step, i));
  const active = useActiveSection(ids, offset);

  function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
    event.preventDefault();
    const el = document.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
    el.focus({ preventScroll: true });
  }

  return (
    <nav className="section-nav" aria-label="Sections in this step">
      <ul className="section-nav__list">
        {step.sections.map((section, i) => {
          const id = ids[i]!;
          return (
            <li key={id}>
              <a href={`#${id}`} className="section-nav__link" aria-current={active === id ? 'true' : undefined} onClick={(e) => jump(e, id)}>
                {section.title}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import { useState, type CSSProperties } from 'react';
import { Route, Routes } from 'react-router';
import { BrandContext } from './lib/brand';
import { themeVars, type Theme } from './lib/theme';
import { AdminPage } from './pages/AdminPage';
import { FloorplanPage } from './pages/FloorplanPage';
import { LandingPage } from './pages/LandingPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResumePage } from './pages/ResumePage';
import { PickerView } from './picker/PickerView';
import { SummaryView } from './picker/SummaryView';
import { ProjectPage } from './projects/ProjectPage';

/**
 * Routes. The first path segments the app answers itself are reserved (worker/domain/slugs.ts),
 * so they can never be used as floorplan slugs.
 */
export function App() {
  const [theme, setTheme] = useState<Theme | null>(null);

  return (
    <BrandContext.Provider value={setTheme}>
      <div className="app" style={themeVars(theme) as CSSProperties}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Routes>
          <Route path="/" element={<LandingPage />} />
          <Route path="/admin/*" element={<AdminPage />} />
          <Route path="/projects/:id" element={<ProjectPage />} />
          <Route path="/projects" element={<NotFoundPage />} />
          <Route path="/resume/:token" element={<ResumePage />} />
          {/* One element loads the catalog and session for both views, so they share state. */}
          <Route path="/:floorplanSlug" element={<FloorplanPage />}>
            <Route index element={<PickerView />} />
            <Route path="summary" element={<SummaryView />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </div>
    </BrandContext.Provider>
  );
}

import { createContext, useContext, useEffect } from 'react';
import type { Theme } from './theme';

/** Lets a page push its org's theme up to the app root (where the CSS variables live). */
export const BrandContext = createContext<(theme: Theme | null) => void>(() => {});

/** Apply `theme` at the app root while the calling page is mounted. */
export function useBrandTheme(theme: Theme | null | undefined): void {
  const setTheme = useContext(BrandContext);
  const key = theme ? `${theme.primaryColor}|${theme.secondaryColor}|${theme.accentColor}` : '';
  useEffect(() => {
    setTheme(theme ?? null);
    return () => setTheme(null);
    // `key` captures the colour values; the object identity may change per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, setTheme]);
}

/** Set `document.title` while mounted. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

/**
 * Imported first by main.tsx, so the stored theme is on <html> before React renders anything:
 * no flash of the other theme. A module, not an inline script, because the CSP allows none.
 */
import { applyTheme, storedTheme } from './theme';

applyTheme(storedTheme());

/**
 * The renderer's entry: bundled fonts (nothing loads from the network), the theme, and the app.
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import '@fontsource/source-serif-4/700.css';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/600.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/search.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LibraryGate } from './app/recovery/LibraryGate';
import { applyStoredTheme } from './app/shell/theme';
import './app/recovery/recovery.css';

applyStoredTheme();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <LibraryGate>{(generation, notice) => <App key={generation} notice={notice} />}</LibraryGate>
  </StrictMode>,
);

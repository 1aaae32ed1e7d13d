import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from '../ui/i18n/language.tsx';
import { CitizenApp } from './citizen-app.tsx';
// NL Design System components (Utrecht component library); our own theme sets their tokens.
import '@utrecht/component-library-css/dist/index.css';
import './theme.css';
import './citizen.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('citizen/index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <LanguageProvider>
      <CitizenApp />
    </LanguageProvider>
  </StrictMode>,
);

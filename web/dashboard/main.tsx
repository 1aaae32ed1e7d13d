import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../ui/api.ts';
import { LanguageProvider } from '../ui/i18n/language.tsx';
import { DashboardApp } from './dashboard-app.tsx';
import '../ui/tokens.css';
import './dashboard.css';
import './categories.css';
import './watch.css';
import './detail.css';
import './sources.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <LanguageProvider>
      <DashboardApp api={createApiClient()} />
    </LanguageProvider>
  </StrictMode>,
);

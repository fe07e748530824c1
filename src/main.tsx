import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n';
import { App } from './ui/App';
import './ui/app.css';

// Not a top-level await: with one in the entry module, the bundler moves everything the
// entry shares with lazy chunks out of it, into extra chunks on the first load.
void setupI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

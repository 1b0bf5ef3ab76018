import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreLanguage } from '@/i18n';
import { App } from './App';
import { startServices } from './startServices';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const services = startServices();
// Render even if the remembered language cannot load: Bahasa Indonesia is always there.
void restoreLanguage()
  .catch(() => undefined)
  .then(() =>
    createRoot(container).render(
      <StrictMode>
        <App services={services} />
      </StrictMode>,
    ),
  );

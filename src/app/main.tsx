import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startServices } from './startServices';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const services = startServices();
createRoot(container).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);

// Entry of the renderer bundle: fonts and theme (shipped, never fetched from outside), bridge discovery before
// anything reads the address (it removes the token from it), then the app.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './theme/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { i18n } from './app/i18n';
import { PageBoundary } from './app/PageBoundary';
import { discoverBridgeParams, redeemLaunchCode } from './bridge/discover-bridge';

await redeemLaunchCode();
const bridge = discoverBridgeParams();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <PageBoundary>
        <App bridge={bridge} />
      </PageBoundary>
    </I18nextProvider>
  </StrictMode>,
);

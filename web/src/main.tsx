import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ChainProvider, WalletProvider } from './chain';
import { rpcUrl } from './lib/settings';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChainProvider url={rpcUrl()}>
      <WalletProvider>
        <App />
      </WalletProvider>
    </ChainProvider>
  </StrictMode>,
);

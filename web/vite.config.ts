import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SDK is linked from ../client (`file:../client`) and has its own node_modules: dedupe makes
// it and the app share one @polkadot/api (one registry, one WASM crypto instance).
export default defineConfig({
  plugins: [react()],
  base: './',
  resolve: {
    dedupe: ['@polkadot/api', '@polkadot/util', '@polkadot/util-crypto', '@polkadot/keyring', '@polkadot/types', '@polkadot/rpc-provider'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});

import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into the jar's static/ folder: the gateway serves it at / (behind the browser login).
// `npm run dev` proxies the API to a running gateway (./league up) so cookies and CSRF work as in production.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/oauth2': 'http://127.0.0.1:8080',
      '/login': 'http://127.0.0.1:8080',
      '/logout': 'http://127.0.0.1:8080',
    },
  },
})

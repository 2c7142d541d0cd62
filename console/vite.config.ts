import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into the jar's static/ folder: the gateway serves index.html at / (behind the browser login) and account.html at
// /account (忘记密码, 管理员注册, 团员注册: no login).
// `npm run dev` proxies the API to a running gateway (./league up; log in there first, the session cookie is per host).
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
    rollupOptions: {
      input: { console: 'index.html', account: 'account.html' },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
})

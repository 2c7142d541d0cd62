import { createRouter, createWebHashHistory } from 'vue-router'
import HomePage from './pages/HomePage.vue'

// Hash history: every page is the one document at /, so the gateway needs no fallback route and a reload after
// the session ended goes through the login to / like any first visit.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomePage, meta: { title: '首页' } },
  ],
})

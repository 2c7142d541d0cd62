import { createRouter, createWebHashHistory } from 'vue-router'
import HomePage from './pages/HomePage.vue'

// Hash history: every page is the one document at /, so the gateway needs no fallback route and a reload after
// the session ended goes through the login to / like any first visit. Pages other than 首页 load on first visit,
// so the first screen after login carries only its own code.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomePage, meta: { title: '首页' } },
    { path: '/orgs', name: 'orgs', component: () => import('./pages/orgs/OrgsPage.vue'), meta: { title: '组织' } },
    { path: '/people', name: 'people', component: () => import('./pages/people/PeoplePage.vue'), meta: { title: '团员 / 团干部' } },
    { path: '/registrations', name: 'registrations', component: () => import('./pages/registrations/RegistrationsPage.vue'), meta: { title: '注册审批' } },
    { path: '/transfers', name: 'transfers', component: () => import('./pages/transfers/TransfersPage.vue'), meta: { title: '关系转接' } },
    { path: '/imports', name: 'imports', component: () => import('./pages/imports/ImportsPage.vue'), meta: { title: '导入' } },
    { path: '/stats', name: 'stats', component: () => import('./pages/stats/StatsPage.vue'), meta: { title: '统计' } },
    { path: '/identity', name: 'identity', component: () => import('./pages/identity/IdentityPage.vue'), meta: { title: '身份核验' } },
    { path: '/my-registrations', name: 'my-registrations', component: () => import('./pages/me/MyRegistrationsPage.vue'), meta: { title: '我的注册申请' } },
    { path: '/me', name: 'me', component: () => import('./pages/me/MyProfilePage.vue'), meta: { title: '我的信息' } },
  ],
})

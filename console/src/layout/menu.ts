// The menu: each entry only for those who may use it (admins see the admin pages, members their own).
export interface MenuEntry {
  path: string
  title: string
  adminOnly: boolean
}

export const MENU: MenuEntry[] = [
  { path: '/', title: '首页', adminOnly: false },
  { path: '/orgs', title: '组织', adminOnly: true },
  { path: '/people', title: '团员 / 团干部', adminOnly: true },
  { path: '/registrations', title: '注册审批', adminOnly: true },
  { path: '/transfers', title: '关系转接', adminOnly: false },
  { path: '/imports', title: '导入', adminOnly: true },
  { path: '/stats', title: '统计', adminOnly: true },
  { path: '/identity', title: '身份核验', adminOnly: true },
  { path: '/my-registrations', title: '我的注册申请', adminOnly: false },
  { path: '/me', title: '我的信息', adminOnly: false },
]

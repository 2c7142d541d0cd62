// The menu: each entry only for those who may use it (admins see the admin pages, members their own).
export interface MenuEntry {
  path: string
  title: string
  adminOnly: boolean
}

export const MENU: MenuEntry[] = [
  { path: '/', title: '首页', adminOnly: false },
]

// Who is logged in and for which org they act (切换其他组织, R-ADM-8): the gateway keeps the choice in the
// browser session and sends it to every service as X-League-Org.
import { reactive } from 'vue'
import { getJson, request } from './api'

export interface MyOrg {
  orgId: number
  fullName: string
  shortName: string
  type: string
  admin: boolean
  posts: string[]
}

interface Caller {
  idNumber: string
  roles: string[]
}

export const session = reactive({
  loaded: false,
  idNumber: '',
  orgs: [] as MyOrg[],
  activeOrgId: null as number | null,
  failure: '' as string,
})

export function activeOrg(): MyOrg | undefined {
  return session.orgs.find((org) => org.orgId === session.activeOrgId)
}

export function isAdmin(): boolean {
  return session.orgs.some((org) => org.admin)
}

export async function loadSession(): Promise<void> {
  const [me, orgs, active] = await Promise.all([
    getJson<Caller>('/api/orgs/me'),
    getJson<MyOrg[]>('/api/orgs/mine'),
    getJson<{ orgId?: number }>('/api/accounts/active-org'),
  ])
  session.idNumber = me.idNumber
  session.orgs = orgs
  session.activeOrgId = active.orgId ?? null
  // an admin of several orgs acts for one at a time: the first they administer until they switch
  const mine = orgs.filter((org) => org.admin)
  if (session.activeOrgId === null && mine.length > 0) {
    await switchOrg(mine[0].orgId)
  }
  session.loaded = true
}

export async function switchOrg(orgId: number): Promise<void> {
  await request('/api/accounts/active-org', { method: 'PUT', body: { orgId } })
  session.activeOrgId = orgId
}

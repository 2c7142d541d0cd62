// The org a self-registration joins (R-AUTH-4), found by its full name among the orgs that take registrations of the
// chosen kind (GET /api/orgs/registration-targets: a member joins a branch, a cadre also a committee). Used by the
// login page's 团员注册 and the console's 重新申请.
import { ref } from 'vue'
import { errorText, getJson } from './api'

export interface RegistrationTarget { id: number; fullName: string }

export function useRegistrationTargets(form: { kind: string; orgId: number | null }, errors: Record<string, string>,
                                       first: RegistrationTarget[] = []) {
  const targets = ref<RegistrationTarget[]>(first)
  const searching = ref(false)

  async function findOrgs(name: string): Promise<void> {
    if (name.trim().length < 2) return
    searching.value = true
    try {
      targets.value = await getJson<RegistrationTarget[]>('/api/orgs/registration-targets?kind=' + form.kind
        + '&name=' + encodeURIComponent(name.trim()))
    } catch (error) {
      errors.orgId = errorText(error)
    } finally {
      searching.value = false
    }
  }

  function kindChanged(): void {
    // a member's org is a branch, a cadre's may be a committee: search again for the other kind
    form.orgId = null
    targets.value = []
  }

  return { targets, searching, findOrgs, kindChanged }
}

// A transfer as transfer-service answers it (TransferView), and the org tree it offers as destinations (R-TR-10).
import { getJson } from '../../api'
import { isBranch } from '../../labels'

export interface Transfer {
  id: number
  idNumber: string
  name: string
  initiator: 'MEMBER' | 'OUT_SIDE_ADMIN' | 'IN_SIDE_ADMIN' | 'COMMITTEE_ADMIN'
  startedBy: string
  reason: string
  fromBranchId: number
  targetOrgId: number | null
  toBranchId: number | null
  currentStep: string | null
  state: string
  startedAt: string
  daysLeft: number | null
  closedAt: string | null
  endReason: string | null
  destinationType: string | null
}

interface TargetOrg { id: number; fullName: string; type: string }

/** A cascader node: any org may be chosen (a committee then assigns the branch, R-TR-2); branches have no children. */
export type TargetNode = { value: number; label: string; leaf: boolean }

/** The cascader's lazy loading: the provincial-level orgs at the top, then each org's children. */
export async function targetChildren(parentId: number | null): Promise<TargetNode[]> {
  const path = parentId === null ? '/api/transfers/targets?size=200' : '/api/transfers/targets/' + parentId + '/children?size=200'
  const orgs = await getJson<TargetOrg[]>(path)
  return orgs.map((org) => ({ value: org.id, label: org.fullName, leaf: isBranch(org.type) }))
}

export function daysLeftText(transfer: Transfer): string {
  if (transfer.state !== 'OPEN' || transfer.daysLeft === null) return '—'
  return transfer.daysLeft > 0 ? transfer.daysLeft + ' 天' : '今天到期'
}

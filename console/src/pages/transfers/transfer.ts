// A transfer as transfer-service answers it (TransferView), and the org tree it offers as destinations (R-TR-10).
import { getJson } from '../../api'
import { EXTERNAL_SYSTEMS, isBranch, label, TRANSFER_STATES, TRANSFER_STEPS } from '../../labels'

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
  kind: 'ORDINARY' | 'COMMITTEE_BATCH' | 'SPECIAL_UNIT' | 'EXTERNAL'
  externalSystem: string | null
  destinationNote: string | null
}

/** A page of 组织关系转接历史 (R-TR-14): newest first, the names of the orgs it names, {@code next} for the page after. */
/** One step of a transfer's 办理记录 (R-TR-14). */
export interface TransferEntry {
  action: string; step: string | null; actedBy: string | null; at: string; reason: string | null
}

export interface HistoryPage {
  items: Transfer[]
  orgNames: Record<string, string>
  next: number | null
}

/** Where the transfer came from, by the page's org names. */
export function fromText(transfer: Transfer, names: Record<string, string>): string {
  return names[transfer.fromBranchId] ?? '—'
}

/** Where it goes: the assigned or target org, the special unit's note (R-TR-8) or the outside org (R-TR-9). */
export function toText(transfer: Transfer, names: Record<string, string>): string {
  if (transfer.kind === 'SPECIAL_UNIT') return '特殊单位:' + (transfer.destinationNote ?? '')
  if (transfer.kind === 'EXTERNAL') {
    return label(EXTERNAL_SYSTEMS, transfer.externalSystem) + ':' + (transfer.destinationNote ?? '')
  }
  const id = transfer.toBranchId ?? transfer.targetOrgId
  return id === null ? '—' : (names[id] ?? '—')
}

/** Where it stands: the step it waits at, or how it ended. */
export function stateText(transfer: Transfer): string {
  return transfer.state === 'OPEN' ? label(TRANSFER_STEPS, transfer.currentStep) : label(TRANSFER_STATES, transfer.state)
}

export function stateTag(transfer: Transfer): 'primary' | 'success' | 'info' | 'danger' {
  if (transfer.state === 'OPEN') return 'primary'
  if (transfer.state === 'APPROVED') return 'success'
  return transfer.state === 'REJECTED' || transfer.state === 'EXPIRED' ? 'danger' : 'info'
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

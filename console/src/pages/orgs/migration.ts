// A migration as org-service answers it (MigrationView, HistoryView), with the words users know (R-ORG-7, FAQ 32).

export interface Migration {
  id: number
  orgId: number
  orgName: string | null
  oldParentId: number
  oldParentName: string | null
  newParentId: number
  newParentName: string | null
  reason: string
  state: 'AWAITING_OLD_PARENT' | 'AWAITING_NEW_PARENT' | 'MOVED' | 'REJECTED' | 'WITHDRAWN'
  awaiting: 'OLD_PARENT' | 'NEW_PARENT' | null
  requestedBy: string
  requesterName: string | null
  requestedAt: string
  closedAt: string | null
}

export interface MigrationStep {
  seq: number
  action: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'
  actedAs: 'OLD_PARENT' | 'NEW_PARENT' | null
  idNumber: string
  name: string | null
  reason: string | null
  actedAt: string
}

export interface MigrationHistory {
  migration: Migration
  steps: MigrationStep[]
}

export const MIGRATION_STATES: Record<string, string> = {
  AWAITING_OLD_PARENT: '待原直属上级审批',
  AWAITING_NEW_PARENT: '待迁入组织审批',
  MOVED: '已迁移',
  REJECTED: '已退回',
  WITHDRAWN: '已撤销',
}

export const MIGRATION_ACTIONS: Record<string, string> = {
  REQUESTED: '申请迁移',
  APPROVED: '同意',
  REJECTED: '退回',
  WITHDRAWN: '撤销申请',
}

export const MIGRATION_APPROVERS: Record<string, string> = {
  OLD_PARENT: '原直属上级',
  NEW_PARENT: '迁入组织',
}

export function isOpen(migration: Migration): boolean {
  return migration.state === 'AWAITING_OLD_PARENT' || migration.state === 'AWAITING_NEW_PARENT'
}

/** 团中央 (depth 1) and the provincial-level orgs (depth 2) do not migrate (R-ORG-7). */
export function mayMigrate(path: string): boolean {
  return path.split('.').length > 2
}

// The Chinese words users know for the services' enum values (FAQ's wording).

export const ORG_TYPES: Record<string, string> = {
  LEADING_BODY: '团的领导机关',
  COMMITTEE: '团委',
  WORK_COMMITTEE: '团工委',
  GENERAL_BRANCH: '团总支',
  BRANCH: '团支部',
  PENDING_BRANCH: '待接转团支部',
  GRADUATE_BRANCH: '毕业生团组织',
}

export const BRANCH_KINDS: Record<string, string> = {
  SCHOOL_TO_SOCIETY_TEMPORARY: '学社衔接临时团支部',
  FLOATING: '流动团支部',
}

export const DOMAINS: Record<string, string> = {
  SCHOOL: '学校',
  PUBLIC_INSTITUTION: '机关事业单位',
  STATE_ENTERPRISE: '国有企业',
  PRIVATE_ENTERPRISE: '非公企业',
  SOCIAL_ORGANISATION: '新社会组织',
  URBAN_COMMUNITY: '城市社区',
  RURAL: '农村',
  PARTY_AND_GOVERNMENT: '党政机关',
  OTHER: '其他',
}

export const SCHOOL_LEVELS: Record<string, string> = {
  UNIVERSITY: '高校',
  VOCATIONAL: '中职',
  SENIOR_HIGH: '高中',
  JUNIOR_HIGH: '初中',
  PRIMARY: '小学',
}

export const POLITICAL_STATUSES = ['共青团员', '中共党员', '中共预备党员', '民主党派成员', '无党派人士', '群众']

export const TRANSFER_STEPS: Record<string, string> = {
  OUT_SIDE_APPROVAL: '转出方审批',
  IN_SIDE_APPROVAL: '转入方审批',
  BRANCH_ASSIGNMENT: '分配团支部',
  PROVINCIAL_APPROVAL: '省级团委审批',
}

export const TRANSFER_STATES: Record<string, string> = {
  OPEN: '办理中',
  APPROVED: '已完成',
  REJECTED: '已退回',
  WITHDRAWN: '已撤销',
  EXPIRED: '已超期',
}

export const TRANSFER_KINDS: Record<string, string> = {
  ORDINARY: '组织关系转接',
  COMMITTEE_BATCH: '批量转接',
  SPECIAL_UNIT: '转往特殊单位',
  EXTERNAL: '转往外部系统',
}

// the systems outside this one (北京/广东/福建 use their own, FAQ 69)
export const EXTERNAL_SYSTEMS: Record<string, string> = {
  BEIJING: '北京系统',
  GUANGDONG: '广东系统',
  FUJIAN: '福建系统',
}

// a graduate's destination (去向, R-TR-11)
export const DESTINATIONS: Record<string, string> = {
  JOB: '就业',
  FURTHER_STUDY: '升学',
  MILITARY: '参军',
  NO_JOB: '未就业',
  STUDY_ABROAD: '出国留学',
}

export function label(words: Record<string, string>, value?: string | null): string {
  return value ? (words[value] ?? value) : '—'
}

/** Whether an org of this type holds people rather than orgs. */
export function isBranch(type?: string): boolean {
  return type === 'BRANCH' || type === 'PENDING_BRANCH' || type === 'GRADUATE_BRANCH'
}

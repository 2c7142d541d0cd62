// A person's profile as member-service answers it (Profile).
export interface Profile {
  idNumber: string; name: string; birthDate: string; gender: string; ethnicity: string | null
  politicalStatus: string; education: string | null; joinDate: string | null; developmentNumber: string | null
  mobile: string | null; email: string | null; address: string | null; emergencyContact: string | null
  emergencyPhone: string | null; graduate: boolean; delayedGraduate: boolean; teacher: boolean
  verificationLabel: string; verificationReason: string | null
  membership: { branchId: number; branchName: string } | null
  posts: { orgId: number; orgName: string; title: string }[]
  complete: boolean; missing: string[]
}

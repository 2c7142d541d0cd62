package cn.league.stats.opscentre;

/** What may wait for an org's admins in the operation centre (R-OPS-1, FAQ 40). */
public enum PendingKind {
    /** 团员团干部注册: a self-registration to approve (R-AUTH-4). */
    REGISTRATION,
    /** 组织关系转接: a transfer step to act on (R-TR-2, R-TR-3, R-TR-8). */
    TRANSFER,
    /** 组织迁移: a migration step to approve (R-ORG-7). */
    MIGRATION,
    /** 批量导入结果: an import with failed rows, or a refused file, to fix and upload again (R-IMP-2); 30 days. */
    IMPORT_RESULT,
    /** 身份核验不通过: a person of the org whose name and ID number the centre did not confirm (R-ID-1, R-ID-3). */
    IDENTITY_FAILURE
}

package cn.league.member.bulk;

import cn.league.member.entry.EntryRole;

/**
 * What a bulk row enters: a member into a branch (导入下级团支部团员, R-MEM-1) or a cadre with a post in any org
 * (团干部, R-MEM-2).
 */
public enum BulkKind {
    MEMBER(EntryRole.MEMBER),
    CADRE(EntryRole.CADRE);

    private final EntryRole role;

    BulkKind(EntryRole role) {
        this.role = role;
    }

    EntryRole role() {
        return role;
    }
}

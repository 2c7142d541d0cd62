package cn.league.member.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.ReplicaTree;

/** member-service's copy of the org tree, with the tree most of its API tests start from. */
public final class TreeReplica extends ReplicaTree {

    public TreeReplica(JdbcClient jdbc) {
        super(jdbc);
    }

    /**
     * The tree most API tests start from: a province with a company committee and its branch, and a
     * township committee with its branch beside them; an admin for the province, the committee, the
     * branch and the sibling committee.
     */
    public Standard standard(String provinceAdmin, String committeeAdmin, String branchAdmin, String siblingAdmin) {
        long province = province("团测试省委", "11");
        long committee = child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        long branch = child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司一支部");
        long siblingCommittee = child(province, "COMMITTEE", "RURAL", "某镇团委");
        long siblingBranch = child(siblingCommittee, "BRANCH", "RURAL", "某村团支部");
        admin(provinceAdmin, province);
        admin(committeeAdmin, committee);
        admin(branchAdmin, branch);
        admin(siblingAdmin, siblingCommittee);
        return new Standard(province, committee, branch, siblingCommittee, siblingBranch);
    }

    /** The orgs of {@link #standard}. */
    public record Standard(long province, long committee, long branch, long siblingCommittee, long siblingBranch) {
    }
}

package cn.league.importing.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.ReplicaTree;

/** import-service's copy of the org tree, with the tree its API tests start from. */
public final class TreeReplica extends ReplicaTree {

    public TreeReplica(JdbcClient jdbc) {
        super(jdbc);
    }

    /**
     * A province, a company committee with two branches, and a township committee with a branch beside it; admins
     * of the province, the committee and the township committee.
     */
    public Standard standard(String provinceAdmin, String committeeAdmin, String siblingAdmin) {
        long province = province("团测试省委", "11");
        long committee = child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        long branch = child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司一支部");
        long otherBranch = child(committee, "BRANCH", "PRIVATE_ENTERPRISE", "某公司二支部");
        long sibling = child(province, "COMMITTEE", "PRIVATE_ENTERPRISE", "某镇团委");
        long siblingBranch = child(sibling, "BRANCH", "PRIVATE_ENTERPRISE", "某村团支部");
        admin(provinceAdmin, province);
        admin(committeeAdmin, committee);
        admin(siblingAdmin, sibling);
        return new Standard(province, committee, branch, otherBranch, sibling, siblingBranch);
    }

    public record Standard(long province, long committee, long branch, long otherBranch, long sibling,
                           long siblingBranch) {
    }
}

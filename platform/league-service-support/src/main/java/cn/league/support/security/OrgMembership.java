package cn.league.support.security;

/**
 * Whether a person belongs to an org for R-ADM-8: holds a post or admin rights there. Each service answers it from
 * its own data (the org tree replica, or org-service's own tables); {@link ActiveOrgFilter} asks it.
 */
public interface OrgMembership {

    boolean belongsTo(String idNumber, long orgId);
}

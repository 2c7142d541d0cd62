package cn.league.support.security;

/**
 * The scope questions every service asks before it reads or changes anything of an org (R-SCOPE-1, R-SCOPE-2,
 * R-ADM-8). org-service answers them from its own tree, every other service from its replica of it; both answer
 * alike, which one contract test run against each proves ({@code cn.league.test.OrgScopeContract}). An unknown org,
 * or no ID number, is never in anyone's scope.
 */
public interface OrgScope extends OrgMembership {

    /**
     * R-SCOPE-1: the person administers the org or one of its ancestors, never one beside or below it. With an org
     * chosen for the request ({@link ActiveOrg}) only that org's admin rights count, here and below.
     */
    boolean mayActOn(String idNumber, long orgId);

    /** R-SCOPE-2: the person administers the org's direct parent (not a higher ancestor, not the org itself). */
    boolean mayActAsParentOf(String idNumber, long orgId);

    /** The person administers exactly this org. */
    boolean administers(String idNumber, long orgId);
}

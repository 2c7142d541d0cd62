package cn.league.test;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope questions (R-SCOPE-1, R-SCOPE-2, R-ADM-8) asked of one implementation: org-service's own tree and every
 * other service's replica each extend this, so the two answer every case alike. A subclass stores the small tree
 * below in its own tables and passes each question on to the implementation under test.
 * <pre>
 *   root ─┬─ a ─── a1 ─── a1x
 *         └─ b ─── b1
 * </pre>
 */
public abstract class OrgScopeContract {

    // ids far above any seeded org, fresh for every test so that tests never see each other's rows
    private static final AtomicLong NEXT_ID = new AtomicLong(880_000_000L + System.nanoTime() % 1_000_000 * 100);
    // the request attribute cn.league.support.security.ActiveOrg reads (this module cannot depend on that one)
    private static final String ACTIVE_ORG_ATTRIBUTE = "cn.league.support.security.ActiveOrg";

    static final String ADMIN_OF_A = "110101199001010016";
    static final String ADMIN_OF_B = "110101199001010032";
    static final String ADMIN_OF_A_AND_B = "110101199001010059";
    static final String ADMIN_OF_A1 = "11010119900101007X";
    static final String POST_HOLDER_IN_A1 = "110101199001010091";
    static final String NOBODY = "110101199001010112";

    protected long root;
    protected long a;
    protected long a1;
    protected long a1x;
    protected long b;
    protected long b1;

    /** Stores an org under {@code parentId} (null for a root) with the materialised path given. */
    protected abstract void org(long id, Long parentId, String path);

    protected abstract void admin(long orgId, String idNumber);

    protected abstract void post(long orgId, String idNumber);

    protected abstract boolean mayActOn(String idNumber, long orgId);

    protected abstract boolean mayActAsParentOf(String idNumber, long orgId);

    protected abstract boolean administers(String idNumber, long orgId);

    protected abstract boolean belongsTo(String idNumber, long orgId);

    @BeforeEach
    void smallTree() {
        root = NEXT_ID.addAndGet(10);
        a = root + 1;
        a1 = root + 2;
        a1x = root + 3;
        b = root + 4;
        b1 = root + 5;
        org(root, null, "" + root);
        org(a, root, root + "." + a);
        org(a1, a, root + "." + a + "." + a1);
        org(a1x, a1, root + "." + a + "." + a1 + "." + a1x);
        org(b, root, root + "." + b);
        org(b1, b, root + "." + b + "." + b1);
        admin(a, ADMIN_OF_A);
        admin(b, ADMIN_OF_B);
        admin(a, ADMIN_OF_A_AND_B);
        admin(b, ADMIN_OF_A_AND_B);
        admin(a1, ADMIN_OF_A1);
        post(a1, POST_HOLDER_IN_A1);
    }

    @AfterEach
    void noActiveOrg() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin acts on their org and everything below it, never above or beside it")
    void subtreeOnly() {
        assertThat(mayActOn(ADMIN_OF_A, a)).isTrue();
        assertThat(mayActOn(ADMIN_OF_A, a1)).isTrue();
        assertThat(mayActOn(ADMIN_OF_A, a1x)).isTrue();
        assertThat(mayActOn(ADMIN_OF_A, root)).isFalse();
        assertThat(mayActOn(ADMIN_OF_A, b)).isFalse();
        assertThat(mayActOn(ADMIN_OF_A, b1)).isFalse();
        assertThat(mayActOn(ADMIN_OF_A1, a)).isFalse();
        assertThat(mayActOn(POST_HOLDER_IN_A1, a1)).as("a post is no admin right").isFalse();
    }

    @Test
    @DisplayName("R-SCOPE-1 an unknown org, an unknown person, no ID number: never in scope")
    void unknownsAreOutOfScope() {
        long unknown = b1 + 1_000;
        assertThat(mayActOn(ADMIN_OF_A, unknown)).isFalse();
        assertThat(mayActAsParentOf(ADMIN_OF_A, unknown)).isFalse();
        assertThat(administers(ADMIN_OF_A, unknown)).isFalse();
        assertThat(belongsTo(ADMIN_OF_A, unknown)).isFalse();
        assertThat(mayActOn(NOBODY, a)).isFalse();
        for (String none : new String[] {null, "", " "}) {
            assertThat(mayActOn(none, a)).isFalse();
            assertThat(mayActAsParentOf(none, a1)).isFalse();
            assertThat(administers(none, a)).isFalse();
            assertThat(belongsTo(none, a)).isFalse();
        }
    }

    @Test
    @DisplayName("R-SCOPE-1 an ID number ending in X is the same person in either letter case (Keycloak lower-cases it)")
    void letterCaseOfX() {
        assertThat(mayActOn(ADMIN_OF_A1.toLowerCase(), a1x)).isTrue();
        assertThat(administers(ADMIN_OF_A1.toLowerCase(), a1)).isTrue();
        assertThat(mayActAsParentOf(ADMIN_OF_A1.toLowerCase(), a1x)).isTrue();
        assertThat(belongsTo(ADMIN_OF_A1.toLowerCase(), a1)).isTrue();
    }

    @Test
    @DisplayName("R-SCOPE-2 parent-only acts: the direct parent's admin, not a higher one, not the org's own")
    void directParentOnly() {
        assertThat(mayActAsParentOf(ADMIN_OF_A, a1)).isTrue();
        assertThat(mayActAsParentOf(ADMIN_OF_A, a1x)).as("grandparent").isFalse();
        assertThat(mayActAsParentOf(ADMIN_OF_A, a)).as("own org").isFalse();
        assertThat(mayActAsParentOf(ADMIN_OF_B, a1)).as("beside").isFalse();
    }

    @Test
    @DisplayName("administers: exactly the org, not the orgs below it")
    void administersExactly() {
        assertThat(administers(ADMIN_OF_A, a)).isTrue();
        assertThat(administers(ADMIN_OF_A, a1)).isFalse();
        assertThat(administers(ADMIN_OF_B, a)).isFalse();
    }

    @Test
    @DisplayName("R-ADM-8 a person belongs to the orgs where they hold admin rights or a post")
    void belongsWherePostOrAdmin() {
        assertThat(belongsTo(ADMIN_OF_A, a)).isTrue();
        assertThat(belongsTo(POST_HOLDER_IN_A1, a1)).isTrue();
        assertThat(belongsTo(POST_HOLDER_IN_A1, a)).isFalse();
        assertThat(belongsTo(ADMIN_OF_A, a1)).as("scope is not membership").isFalse();
    }

    @Test
    @DisplayName("R-ADM-8 with an org chosen only that org's admin rights count")
    void activeOrgNarrowsEveryQuestion() {
        choose(a);
        assertThat(mayActOn(ADMIN_OF_A_AND_B, a1)).isTrue();
        assertThat(mayActOn(ADMIN_OF_A_AND_B, b1)).isFalse();
        assertThat(administers(ADMIN_OF_A_AND_B, a)).isTrue();
        assertThat(administers(ADMIN_OF_A_AND_B, b)).isFalse();
        assertThat(mayActAsParentOf(ADMIN_OF_A_AND_B, a1)).isTrue();
        assertThat(mayActAsParentOf(ADMIN_OF_A_AND_B, b1)).isFalse();

        choose(b);
        assertThat(mayActOn(ADMIN_OF_A_AND_B, b1)).isTrue();
        assertThat(mayActOn(ADMIN_OF_A_AND_B, a1)).isFalse();
        assertThat(mayActOn(ADMIN_OF_A, a)).as("an org the person does not administer").isFalse();
    }

    private static void choose(long orgId) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        RequestContextHolder.currentRequestAttributes().setAttribute(ACTIVE_ORG_ATTRIBUTE, orgId,
                RequestAttributes.SCOPE_REQUEST);
    }
}

package cn.league.org.migration;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgEvents.MigrationApprover;
import cn.league.org.migration.MigrationStepRule.Party;
import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MigrationStepRuleTest {

    static final String REQUESTER = "11010519900101432X";
    static final Party OLD_PARENT = new Party(true, false);
    static final Party NEW_PARENT = new Party(false, true);
    static final Party BOTH = new Party(true, true);
    static final Party NEITHER = new Party(false, false);

    @Test
    @DisplayName("R-ORG-7 the old direct parent's admin approves first, then the new parent's admin")
    void order() {
        assertThat(MigrationStepRule.decidingAs(in(MigrationState.AWAITING_OLD_PARENT), OLD_PARENT))
                .isEqualTo(MigrationApprover.OLD_PARENT);
        assertThat(MigrationStepRule.decidingAs(in(MigrationState.AWAITING_NEW_PARENT), NEW_PARENT))
                .isEqualTo(MigrationApprover.NEW_PARENT);
        assertThat(MigrationStepRule.decidingAs(in(MigrationState.AWAITING_OLD_PARENT), BOTH))
                .isEqualTo(MigrationApprover.OLD_PARENT);
        assertThat(MigrationStepRule.decidingAs(in(MigrationState.AWAITING_NEW_PARENT), BOTH))
                .isEqualTo(MigrationApprover.NEW_PARENT);
    }

    @Test
    @DisplayName("R-ORG-7 the new parent cannot go first, the old parent cannot decide twice")
    void outOfOrder() {
        ProblemException first = refused(in(MigrationState.AWAITING_OLD_PARENT), NEW_PARENT);
        assertThat(first.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(first.code()).isEqualTo("MIGRATION_STEP_OUT_OF_ORDER");
        assertThat(refused(in(MigrationState.AWAITING_NEW_PARENT), OLD_PARENT).code())
                .isEqualTo("MIGRATION_STEP_OUT_OF_ORDER");
    }

    @Test
    @DisplayName("R-SCOPE-2 only the old direct parent's admin decides the first step; only the new parent's the second")
    void onlyTheDecidingOrg() {
        ProblemException first = refused(in(MigrationState.AWAITING_OLD_PARENT), NEITHER);
        assertThat(first.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(first.rule()).isEqualTo("R-SCOPE-2");
        assertThat(refused(in(MigrationState.AWAITING_NEW_PARENT), NEITHER).status()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @DisplayName("R-ORG-7 a closed migration takes no more decisions")
    void closed() {
        for (MigrationState state : new MigrationState[] {MigrationState.MOVED, MigrationState.REJECTED,
                MigrationState.WITHDRAWN}) {
            assertThat(refused(in(state), BOTH).code()).isEqualTo("MIGRATION_CLOSED");
        }
    }

    @Test
    @DisplayName("R-ORG-7 the requester withdraws while open; nobody else, and not after the last approval")
    void withdrawal() {
        assertThatCode(() -> MigrationStepRule.checkWithdrawal(in(MigrationState.AWAITING_OLD_PARENT), REQUESTER))
                .doesNotThrowAnyException();
        assertThatCode(() -> MigrationStepRule.checkWithdrawal(in(MigrationState.AWAITING_NEW_PARENT),
                REQUESTER.toLowerCase())).as("Keycloak lower-cases the X").doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ProblemException.class, () -> MigrationStepRule.checkWithdrawal(
                in(MigrationState.AWAITING_OLD_PARENT), "110101199912120018")).code())
                .isEqualTo("MIGRATION_REQUESTER_ONLY");
        assertThat(catchThrowableOfType(ProblemException.class, () -> MigrationStepRule.checkWithdrawal(
                in(MigrationState.MOVED), REQUESTER)).code())
                .isEqualTo("MIGRATION_CLOSED");
    }

    private static ProblemException refused(Migration migration, Party party) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> MigrationStepRule.decidingAs(migration, party));
        assertThat(refused).isNotNull();
        return refused;
    }

    private static Migration in(MigrationState state) {
        return new Migration(7, 1002, 1000, 1001, "单位调整", REQUESTER, Instant.now(), state, null);
    }
}

package cn.league.member.bulk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.member.bulk.BulkRowRule.Accepted;
import cn.league.member.bulk.BulkRowRule.AlreadyImported;
import cn.league.member.bulk.BulkRowRule.Existing;
import cn.league.member.bulk.BulkRowRule.Refused;
import cn.league.member.bulk.BulkRowRule.Target;
import cn.league.member.bulk.BulkRowRule.Verdict;
import cn.league.member.entry.DevelopmentNumbers;
import cn.league.member.entry.EntryCheck;
import cn.league.member.entry.EntryViolation;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.membership.NewPerson;
import cn.league.member.scope.MemberScope;

import static org.assertj.core.api.Assertions.assertThat;

class BulkRowRuleTest {

    static final Clock NOON = Clock.fixed(Instant.parse("2026-06-15T04:00:00Z"), IdNumberRule.CHINA);
    static final String ID = "110101200001011232";
    static final OrgSnapshot BRANCH = org(7, OrgType.BRANCH);
    static final OrgSnapshot COMMITTEE = org(6, OrgType.COMMITTEE);
    static final EntryViolation OUT = BulkRowRule.violation(MemberScope.outOfScope());

    final BulkRowRule rule = new BulkRowRule(EntryCheck.standard(NOON));

    static OrgSnapshot org(long id, OrgType type) {
        return new OrgSnapshot(id, 1L, "1.2." + id, type, null, null, null, "组织" + id, "组织" + id, "11", 2L, null);
    }

    static NewPerson person(String id, String status, LocalDate join, String number, String post) {
        return new NewPerson(id, "张三", "汉族", status, "本科", join, number, "13800000000", null, null, null, null,
                post);
    }

    static BulkRowRule.Batch batch(Map<String, Existing> people, Map<String, String> numbers) {
        return new BulkRowRule.Batch() {
            @Override
            public Target target(long orgId) {
                return switch ((int) orgId) {
                    case 7 -> new Target(BRANCH, null, null);
                    case 6 -> new Target(COMMITTEE, null, new EntryViolation("MEMBERSHIP_ONLY_IN_BRANCH", "R-MEM-1",
                            "团员的组织关系必须在团支部,不能在团委、团工委、团总支"));
                    default -> new Target(null, OUT, null);
                };
            }

            @Override
            public DevelopmentNumbers developmentNumbers() {
                return DevelopmentNumbers.heldBy(numbers);
            }

            @Override
            public Existing existing(String idNumber) {
                return people.get(idNumber);
            }
        };
    }

    Verdict judge(BulkKind kind, long org, NewPerson person, Map<String, Existing> people) {
        return rule.judge(new BulkRow(5, kind, org, person), List.of(), List.of(), batch(people, Map.of()));
    }

    static List<String> codes(Verdict verdict) {
        return ((Refused) verdict).violations().stream().map(EntryViolation::code).toList();
    }

    @Test
    @DisplayName("R-IMP-3 a valid member row into a branch is accepted with its parsed ID and status")
    void accepted() {
        Verdict verdict = judge(BulkKind.MEMBER, 7, person(ID.toLowerCase(), "共青团员",
                LocalDate.of(2015, 5, 4), null, null), Map.of());
        assertThat(verdict).isInstanceOfSatisfying(Accepted.class,
                accepted -> assertThat(accepted.idNumber().value()).isEqualTo(ID));
    }

    @Test
    @DisplayName("R-MEM-1 R-MEM-6 R-MEM-5 a row lists every violation at once: not a branch, unknown status, no number")
    void everyViolation() {
        Verdict verdict = judge(BulkKind.MEMBER, 6, person(ID, "团员?", LocalDate.of(2020, 5, 4), null, null),
                Map.of());
        assertThat(codes(verdict)).containsExactly("MEMBERSHIP_ONLY_IN_BRANCH", "POLITICAL_STATUS_UNKNOWN",
                "DEVELOPMENT_NUMBER_MISSING");
    }

    @Test
    @DisplayName("R-MEM-6 a cadre row needs a post title")
    void cadreNeedsPost() {
        assertThat(codes(judge(BulkKind.CADRE, 6, person(ID, "中共党员", null, null, " "), Map.of())))
                .containsExactly("POST_REQUIRED");
    }

    @Test
    @DisplayName("R-AUTH-5 a person already in the system with another membership is refused 身份证已注册")
    void alreadyRegistered() {
        Verdict verdict = judge(BulkKind.MEMBER, 7, person(ID, "共青团员", LocalDate.of(2015, 5, 4), null, null),
                Map.of(ID, new Existing(99L, Set.of())));
        assertThat(codes(verdict)).containsExactly("ID_ALREADY_REGISTERED");
        assertThat(((Refused) verdict).violations().getFirst().message()).isEqualTo("身份证已注册");
    }

    @Test
    @DisplayName("R-IMP-2 a person who already holds exactly this membership or post is ALREADY_IMPORTED")
    void alreadyImported() {
        assertThat(judge(BulkKind.MEMBER, 7, person(ID, "共青团员", LocalDate.of(2015, 5, 4), null, null),
                Map.of(ID, new Existing(7L, Set.of())))).isInstanceOf(AlreadyImported.class);
        assertThat(judge(BulkKind.CADRE, 6, person(ID, "中共党员", null, null, " 书记 "),
                Map.of(ID, new Existing(7L, Set.of("6/书记"))))).isInstanceOf(AlreadyImported.class);
        assertThat(codes(judge(BulkKind.CADRE, 6, person(ID, "中共党员", null, null, "副书记"),
                Map.of(ID, new Existing(7L, Set.of("6/书记")))))).containsExactly("ID_ALREADY_REGISTERED");
    }

    @Test
    @DisplayName("R-SCOPE-1 R-AUTH-5 a row outside the caller's subtree is refused without what the database knows")
    void outOfScope() {
        Verdict verdict = rule.judge(new BulkRow(5, BulkKind.MEMBER, 99L,
                        person(ID, "共青团员", LocalDate.of(2020, 5, 4), "202011000001", null)), List.of(), List.of(),
                batch(Map.of(ID, new Existing(3L, Set.of())), Map.of("202011000001", "440306199808085674")));
        assertThat(codes(verdict)).containsExactly("OUT_OF_SCOPE");
    }

    @Test
    @DisplayName("R-MEM-5 R-IMP-3 a number held by someone else and an in-file duplicate both refuse the row")
    void takenAndDuplicate() {
        EntryViolation duplicate = new EntryViolation("DUPLICATE_ID_IN_FILE", "R-IMP-3", "身份证号在本文件中重复(与第9行相同)");
        Verdict verdict = rule.judge(new BulkRow(5, BulkKind.MEMBER, 7L,
                        person(ID, "共青团员", LocalDate.of(2020, 5, 4), "202011000001", null)), List.of(),
                List.of(duplicate), batch(Map.of(), Map.of("202011000001", "440306199808085674")));
        assertThat(codes(verdict)).containsExactly("DEVELOPMENT_NUMBER_TAKEN", "DUPLICATE_ID_IN_FILE");
    }

    @Test
    @DisplayName("R-IMP-2 R-ID-4 a row refused for an invalid ID carries the ID as it was sent, so the failure list shows it")
    void invalidIdKeptAsSent() {
        String typo = "11010120000101123";
        Verdict verdict = judge(BulkKind.MEMBER, 7, person(typo, "共青团员", LocalDate.of(2015, 5, 4), null, null),
                Map.of());
        assertThat(((Refused) verdict).idNumber()).isEqualTo(typo);
        Verdict outside = judge(BulkKind.MEMBER, 99, person(typo, "共青团员", LocalDate.of(2015, 5, 4), null, null),
                Map.of());
        assertThat(((Refused) outside).idNumber()).isEqualTo(typo);
    }

    @Test
    @DisplayName("R-IMP-3 a row without kind, org or person is refused as incomplete")
    void incomplete() {
        assertThat(codes(rule.judge(new BulkRow(5, null, 7L, null), List.of(), List.of(), batch(Map.of(), Map.of()))))
                .containsExactly("ROW_INCOMPLETE");
    }
}

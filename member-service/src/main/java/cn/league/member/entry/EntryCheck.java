package cn.league.member.entry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.league.member.idnumber.IdNumber;
import cn.league.member.idnumber.IdNumberCheck;
import cn.league.member.idnumber.IdNumberFault;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.idnumber.RegionCodes;

/**
 * The entry rules every write path runs on one person's facts: R-ID-4 ({@link IdNumberRule}),
 * R-MEM-3 ({@link AgeRule}), R-MEM-4 ({@link JoinAgeRule}), R-MEM-5 ({@link DevelopmentNumberRule}),
 * all of them, so a bulk row's outcome lists every reason at once. R-AUTH-5 (身份证已注册) needs the
 * database and is the caller's. Rules that need the birth date are skipped when the ID is invalid.
 * <p>
 * Today comes from the clock (China time) once per day, so the bulk path pays for no clock reads.
 * No exceptions on {@link #check}; an accepted row allocates its {@link IdNumber} and the outcome only.
 * Thread-safe.
 */
public final class EntryCheck {

    private final IdNumberRule idNumberRule;
    private final DevelopmentNumberRule developmentNumberRule;
    private final Clock clock;
    private volatile Today today;

    /** The clock should be the one the ID rule uses, in China time. */
    public EntryCheck(IdNumberRule idNumberRule, DevelopmentNumberRule developmentNumberRule, Clock clock) {
        this.idNumberRule = idNumberRule;
        this.developmentNumberRule = developmentNumberRule;
        this.clock = clock;
        this.today = Today.of(clock);
    }

    /** The shipped region table and the default segment check (the org's province). */
    public static EntryCheck standard(Clock clock) {
        return new EntryCheck(new IdNumberRule(RegionCodes.gbt2260(), clock), DevelopmentNumberRule.standard(), clock);
    }

    /** Every violation of the row, in rule order, and its parsed ID when valid. Never throws. */
    public EntryOutcome check(EntryFacts facts, DevelopmentNumbers numbers) {
        LocalDate on = today();
        IdNumberCheck idCheck = idNumberRule.check(facts.idNumber());
        IdNumber id = idCheck instanceof IdNumber valid ? valid : null;
        IdNumberFault fault = idCheck instanceof IdNumberFault refused ? refused : null;
        LocalDate birthDate = id == null ? null : id.birthDate();
        boolean xinjiang = Xinjiang.applies(id == null ? 0 : id.provinceCode(), facts.orgProvinceCode());

        List<EntryViolation> violations = fault == null ? List.of() : List.of(EntryViolation.of(fault));
        if (birthDate != null) {
            violations = plus(violations, AgeRule.check(birthDate, facts.role(), facts.politicalStatus(), on));
        }
        violations = plus(violations, JoinAgeRule.check(birthDate, facts.joinDate(), xinjiang, on));
        violations = plus(violations, developmentNumberRule.check(facts.developmentNumber(), facts.joinDate(),
                xinjiang, facts.orgProvinceCode(), id == null ? null : id.value(), numbers));
        return new EntryOutcome(id, fault, violations);
    }

    /** For single-entry endpoints: the parsed ID, or the first violation as a 422 problem. */
    public IdNumber require(EntryFacts facts, DevelopmentNumbers numbers) {
        return check(facts, numbers).orThrow();
    }

    // Rows are almost always clean: allocate only when two rules both refuse.
    private static List<EntryViolation> plus(List<EntryViolation> found, List<EntryViolation> more) {
        if (more.isEmpty()) {
            return found;
        }
        if (found.isEmpty()) {
            return more;
        }
        List<EntryViolation> all = new ArrayList<>(found.size() + more.size());
        all.addAll(found);
        all.addAll(more);
        return Collections.unmodifiableList(all);
    }

    // Today, recomputed only when the clock leaves the day.
    private LocalDate today() {
        Today current = today;
        long now = clock.millis();
        if (now >= current.endsAtMillis() || now < current.startsAtMillis()) {
            current = Today.of(clock);
            today = current;
        }
        return current.date();
    }

    private record Today(LocalDate date, long startsAtMillis, long endsAtMillis) {

        static Today of(Clock clock) {
            LocalDate date = LocalDate.now(clock);
            return new Today(date, date.atStartOfDay(clock.getZone()).toInstant().toEpochMilli(),
                    date.plusDays(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli());
        }
    }
}

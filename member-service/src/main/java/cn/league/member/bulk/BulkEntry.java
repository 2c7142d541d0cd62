package cn.league.member.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.bulk.BulkRowRule.Accepted;
import cn.league.member.bulk.BulkRowRule.AlreadyImported;
import cn.league.member.bulk.BulkRowRule.Existing;
import cn.league.member.bulk.BulkRowRule.Refused;
import cn.league.member.bulk.BulkRowRule.Target;
import cn.league.member.bulk.BulkRowRule.Verdict;
import cn.league.member.entry.DevelopmentNumberRule;
import cn.league.member.entry.DevelopmentNumbers;
import cn.league.member.entry.EntryCheck;
import cn.league.member.entry.EntryViolation;
import cn.league.member.membership.MembershipRule;
import cn.league.member.membership.NewPerson;
import cn.league.member.person.Person;
import cn.league.member.profile.PersonCompleteness;
import cn.league.member.scope.MemberScope;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;
import cn.league.support.outbox.Outbox.Publication;
import cn.league.support.problem.ProblemException;

/**
 * The bulk path of the import service (issue 4 item 10, R-IMP-2, R-IMP-3): a batch of parsed rows, every rule of
 * single entry per row ({@link BulkRowRule}), the valid rows stored together and their events published as single
 * entry publishes them — in one transaction per call. A refused row never blocks the others.
 * <p>
 * Scope is decided per row: a row whose target is outside the caller's subtree (or unknown) is refused and the
 * rest of the batch goes on, as a file may mix orgs. Only a caller who administers no org at all is refused the
 * whole call, since no row could be theirs.
 */
@Service
public class BulkEntry {

    /** Rows per call; the import service splits larger files. */
    public static final int MAX_ROWS = 5_000;

    static final EntryViolation ROW_NOT_STORED = new EntryViolation("ROW_NOT_STORED", BatchDuplicates.RULE,
            "该行数据无法保存,请检查内容后重新上传");

    private final MemberScope scope;
    private final OrgTree tree;
    private final BulkRowRule rule;
    private final BulkStore store;
    private final Validator validator;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    BulkEntry(MemberScope scope, OrgTree tree, EntryCheck entryCheck, BulkStore store, Validator validator,
              Outbox outbox, PlatformTransactionManager transactions) {
        this.scope = scope;
        this.tree = tree;
        this.rule = new BulkRowRule(entryCheck);
        this.store = store;
        this.validator = validator;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Every row's outcome, in the order of the rows. */
    public BulkResult enter(String caller, List<BulkRow> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "BATCH_EMPTY", null, "没有要导入的数据");
        }
        if (rows.size() > MAX_ROWS) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "BATCH_TOO_LARGE", null,
                    "每批最多导入" + MAX_ROWS + "行");
        }
        if (tree.administeredBy(caller).isEmpty()) {
            throw MemberScope.outOfScope();
        }
        return transaction.execute(status -> enterInTransaction(caller, rows, status));
    }

    private BulkResult enterInTransaction(String caller, List<BulkRow> rows, TransactionStatus status) {
        int size = rows.size();
        Map<Long, Target> targets = targets(caller, rows);
        int[] rowNumbers = new int[size];
        List<String> idNumbers = new ArrayList<>(size);
        List<String> developmentNumbers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            BulkRow row = rows.get(i);
            rowNumbers[i] = row.rowNumber();
            idNumbers.add(row.person() == null ? null : row.person().idNumber());
            developmentNumbers.add(row.person() == null ? null : row.person().developmentNumber());
        }
        Map<Integer, List<EntryViolation>> duplicates = BatchDuplicates.find(rowNumbers, idNumbers,
                developmentNumbers);
        Prefetched batch = prefetch(rows, targets, idNumbers, developmentNumbers);

        RowOutcome[] outcomes = new RowOutcome[size];
        List<Entering> entering = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            BulkRow row = rows.get(i);
            Verdict verdict = rule.judge(row, fieldFaults(row.person()), duplicates.getOrDefault(i, List.of()),
                    batch);
            switch (verdict) {
                case Accepted accepted -> entering.add(new Entering(i, row, person(accepted, row.person()),
                        accepted.org()));
                case AlreadyImported already -> outcomes[i] = RowOutcome.alreadyImported(row.rowNumber(),
                        already.idNumber());
                case Refused refused -> outcomes[i] = RowOutcome.refused(row.rowNumber(), refused.idNumber(),
                        refused.violations());
            }
        }

        List<Entering> stored = storeAll(entering, outcomes, status);
        for (Entering row : stored) {
            outcomes[row.index()] = RowOutcome.imported(row.row().rowNumber(), row.person().idNumber());
        }
        outbox.publishAll(Topics.MEMBER_EVENTS, events(stored));
        return BulkResult.of(List.of(outcomes));
    }

    /** R-SCOPE-1 and R-MEM-1 once per distinct target org, from the tree replica, for all of them at once. */
    private Map<Long, Target> targets(String caller, List<BulkRow> rows) {
        Set<Long> orgIds = new LinkedHashSet<>();
        for (BulkRow row : rows) {
            if (row.orgId() != null) {
                orgIds.add(row.orgId());
            }
        }
        Map<Long, Target> targets = new HashMap<>();
        scope.orgsInScope(caller, orgIds).forEach((orgId, scoped) -> {
            if (scoped.refusal() != null) {
                targets.put(orgId, new Target(null, BulkRowRule.violation(scoped.refusal()), null));
                return;
            }
            EntryViolation notABranch = null;
            try {
                MembershipRule.checkBranch(scoped.org());
            } catch (ProblemException refused) {
                notABranch = BulkRowRule.violation(refused);
            }
            targets.put(orgId, new Target(scoped.org(), null, notABranch));
        });
        return targets;
    }

    /** R-AUTH-5 and R-MEM-5 lookups for the rows whose target the caller may act on: one query each. */
    private Prefetched prefetch(List<BulkRow> rows, Map<Long, Target> targets, List<String> idNumbers,
                                List<String> developmentNumbers) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Long orgId = rows.get(i).orgId();
            if (orgId == null || targets.get(orgId).refusal() != null) {
                continue;
            }
            String id = BatchDuplicates.key(idNumbers.get(i), true);
            if (id != null) {
                ids.add(id);
            }
            String number = BatchDuplicates.key(developmentNumbers.get(i), false);
            if (number != null) {
                numbers.add(number);
            }
        }
        return new Prefetched(targets, store.existing(ids.toArray(String[]::new)),
                DevelopmentNumbers.heldBy(store.developmentNumberHolders(numbers.toArray(String[]::new))));
    }

    /**
     * Single entry's bean validation of the person's fields, per row, with its words. Checked by hand first; only a
     * row that breaks a constraint, or carries an e-mail, meets the validator.
     */
    private List<EntryViolation> fieldFaults(NewPerson person) {
        if (person == null || person.holdsRequiredAndSizes()
                && (person.email() == null || validator.validateProperty(person, "email").isEmpty())) {
            return List.of();
        }
        Set<ConstraintViolation<NewPerson>> faults = validator.validate(person);
        if (faults.isEmpty()) {
            return List.of();
        }
        return faults.stream()
                .sorted(java.util.Comparator.comparing(fault -> fault.getPropertyPath().toString()))
                .map(fault -> new EntryViolation("VALIDATION_FAILED", null,
                        "请求参数不正确:" + fault.getPropertyPath() + ": " + fault.getMessage()))
                .toList();
    }

    /**
     * Stores the accepted rows in one go (COPY); if the database refuses the batch — someone stored one of its ID
     * or development numbers since the prefetch — row by row, each in its own savepoint, so one bad row never
     * loses the good ones. Returns the rows stored.
     */
    private List<Entering> storeAll(List<Entering> entering, RowOutcome[] outcomes, TransactionStatus status) {
        if (entering.isEmpty()) {
            return List.of();
        }
        Object whole = status.createSavepoint();
        try {
            copy(entering);
            status.releaseSavepoint(whole);
            return entering;
        } catch (DataAccessException refused) {
            status.rollbackToSavepoint(whole);
        }
        List<Entering> stored = new ArrayList<>(entering.size());
        for (Entering row : entering) {
            Object one = status.createSavepoint();
            try {
                stored.addAll(store(List.of(row), outcomes));
                status.releaseSavepoint(one);
            } catch (DataAccessException refused) {
                status.rollbackToSavepoint(one);
                outcomes[row.index()] = RowOutcome.refused(row.row().rowNumber(), row.person().idNumber(),
                        List.of(ROW_NOT_STORED));
            }
        }
        return stored;
    }

    private void copy(List<Entering> entering) {
        List<Entering> members = ofKind(entering, BulkKind.MEMBER);
        List<Entering> cadres = ofKind(entering, BulkKind.CADRE);
        store.copy(entering.stream().map(Entering::person).toList(),
                members.stream().map(Entering::person).toList(), members.stream().map(Entering::org).toList(),
                cadres.stream().map(Entering::person).toList(), cadres.stream().map(Entering::org).toList(),
                cadres.stream().map(Entering::postTitle).toList());
    }

    /** One row, skipping it (and saying why) when its ID or development number was stored since the prefetch. */
    private List<Entering> store(List<Entering> entering, RowOutcome[] outcomes) {
        Set<String> inserted = store.insertPeople(entering.stream().map(Entering::person).toList());
        List<Entering> stored = new ArrayList<>(inserted.size());
        List<Entering> raced = new ArrayList<>();
        for (Entering row : entering) {
            (inserted.contains(row.person().idNumber()) ? stored : raced).add(row);
        }
        if (!raced.isEmpty()) {
            // stored by someone else since the prefetch: the ID number (R-AUTH-5) or the development number (R-MEM-5)
            Set<String> registered = store.registered(raced.stream().map(row -> row.person().idNumber())
                    .toArray(String[]::new));
            for (Entering row : raced) {
                outcomes[row.index()] = RowOutcome.refused(row.row().rowNumber(), row.person().idNumber(),
                        List.of(registered.contains(row.person().idNumber()) ? BulkRowRule.ID_ALREADY_REGISTERED
                                : DevelopmentNumberRule.TAKEN));
            }
        }
        List<Entering> members = ofKind(stored, BulkKind.MEMBER);
        store.startMemberships(members.stream().map(row -> row.person().idNumber()).toArray(String[]::new),
                members.stream().map(row -> String.valueOf(row.org().id())).toArray(String[]::new),
                members.stream().map(row -> row.org().path()).toArray(String[]::new),
                members.stream().map(row -> row.person().name()).toArray(String[]::new));
        List<Entering> cadres = ofKind(stored, BulkKind.CADRE);
        store.addPosts(cadres.stream().map(row -> row.person().idNumber()).toArray(String[]::new),
                cadres.stream().map(row -> String.valueOf(row.org().id())).toArray(String[]::new),
                cadres.stream().map(Entering::postTitle).toArray(String[]::new),
                cadres.stream().map(row -> row.org().path()).toArray(String[]::new),
                cadres.stream().map(row -> row.person().name()).toArray(String[]::new));
        return stored;
    }

    private static List<Entering> ofKind(List<Entering> rows, BulkKind kind) {
        return rows.stream().filter(row -> row.row().kind() == kind).toList();
    }

    /** What single entry publishes for each person — one {@link PersonEntered} — in row order. */
    private static List<Publication> events(List<Entering> stored) {
        List<Publication> events = new ArrayList<>(stored.size());
        for (Entering row : stored) {
            Person person = row.person();
            String id = person.idNumber();
            boolean hasMobile = person.mobile() != null;
            PersonEntered entered = row.row().kind() == BulkKind.MEMBER
                    ? PersonEntered.member(id, person.name(), hasMobile, row.org().id(),
                            PersonCompleteness.completeOnEntry(person, row.org(), null))
                    : PersonEntered.cadre(id, person.name(), hasMobile, new Post(row.org().id(), row.postTitle()),
                            PersonCompleteness.completeOnEntry(person, row.org(), row.postTitle()));
            events.add(new Publication(entered, id, row.org().path()));
        }
        return events;
    }

    /** The person as single entry stores them. */
    private static Person person(Accepted accepted, NewPerson entry) {
        var id = accepted.idNumber();
        return new Person(id.value(), entry.name().strip(), id.birthDate(), id.gender(), entry.ethnicity(),
                accepted.status().label(), entry.education(), entry.joinDate(),
                blankToNull(entry.developmentNumber()), blankToNull(entry.mobile()), blankToNull(entry.email()),
                entry.address(), entry.emergencyContact(), entry.emergencyPhone(), false, false, false,
                Person.Verification.UNVERIFIED);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Entering(int index, BulkRow row, Person person, OrgSnapshot org) {

        String postTitle() {
            return row.person().postTitle().strip();
        }
    }

    private record Prefetched(Map<Long, Target> targets, Map<String, Existing> people,
                              DevelopmentNumbers developmentNumbers) implements BulkRowRule.Batch {

        @Override
        public Target target(long orgId) {
            return targets.get(orgId);
        }

        @Override
        public Existing existing(String idNumber) {
            return people.get(idNumber);
        }
    }
}

package cn.league.member.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.GraduationFlagsSet;
import cn.league.contracts.org.OrgSnapshot;
import cn.league.contracts.org.OrgType;
import cn.league.member.demo.DemoPeople.DemoPerson;
import cn.league.member.entry.EntryRole;
import cn.league.member.membership.MemberEntry;
import cn.league.member.membership.NewPerson;
import cn.league.member.person.Person;
import cn.league.member.person.PersonStore;
import cn.league.orgreplica.OrgTree;
import cn.league.support.outbox.Outbox;

/**
 * Fills org-service's demo tree with {@link DemoPeople} (only with {@code league.demo.enabled=true}). The
 * demo orgs reach this service only through org-service's events, after both have started, so a virtual
 * thread started once the application is ready polls the tree replica until it holds every demo org, then
 * enters the people through {@link MemberEntry} — every entry rule applied, every event published — in one
 * transaction. Once: the fill holds a PostgreSQL advisory lock and does nothing when the
 * {@link DemoPeople#ANCHOR} person, created in the same transaction, is already there; a person whose ID
 * number is taken is left out. Gives up, with a log line, after {@code league.demo.people-wait}.
 */
@Component
@ConditionalOnBooleanProperty("league.demo.enabled")
class DemoPeopleFiller {

    private static final Logger log = LoggerFactory.getLogger(DemoPeopleFiller.class);

    private final DemoStore store;
    private final OrgTree tree;
    private final MemberEntry entry;
    private final PersonStore people;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration wait;
    private final Duration poll;
    private volatile Thread worker;

    DemoPeopleFiller(DemoStore store, OrgTree tree, MemberEntry entry, PersonStore people, Outbox outbox,
                     TransactionTemplate transaction, Clock clock,
                     @Value("${league.demo.people-wait:PT5M}") Duration wait,
                     @Value("${league.demo.people-poll:PT2S}") Duration poll) {
        this.store = store;
        this.tree = tree;
        this.entry = entry;
        this.people = people;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.wait = wait;
        this.poll = poll;
    }

    /** Starts waiting for the demo orgs in the background; startup and readiness do not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        worker = Thread.ofVirtual().name("demo-people").start(this::fillWhenReady);
    }

    @PreDestroy
    void stop() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Polls until the demo orgs are known and fills them, or gives up after the configured wait. */
    void fillWhenReady() {
        long deadline = clock.millis() + wait.toMillis();
        try {
            while (true) {
                if (fillIfReady().isPresent()) {
                    return;
                }
                if (clock.millis() >= deadline) {
                    log.warn("demo people not created: the demo orgs under {} did not reach the org tree replica "
                            + "within {} (still missing: {})", DemoPeople.ROOT, wait, missingOrgs());
                    return;
                }
                Thread.sleep(poll);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            log.error("demo people not created: the fill failed", failure);
        }
    }

    /**
     * The number of people entered, 0 when the demo people were there already; empty while the replica does
     * not hold every demo org yet.
     */
    OptionalInt fillIfReady() {
        int year = Year.now(clock).getValue();
        List<String> names = new ArrayList<>(DemoPeople.orgNames(year));
        Map<String, Long> orgs = store.orgsUnderRoot(names);
        names.add(DemoPeople.ROOT);
        names.add(DemoPeople.CENTRAL);
        if (!orgs.keySet().containsAll(names)) {
            return OptionalInt.empty();
        }
        Integer created = transaction.execute(status -> fill(DemoPeople.plan(year), orgs));
        if (created != null && created > 0) {
            log.info("demo people: {} people entered into the demo org tree under {}", created, DemoPeople.ROOT);
        } else {
            log.info("demo people: already there, nothing entered");
        }
        return OptionalInt.of(created == null ? 0 : created);
    }

    private int fill(List<DemoPerson> plan, Map<String, Long> orgs) {
        store.lockForFill();
        if (people.exists(DemoPeople.ANCHOR)) {
            return 0;
        }
        int created = 0;
        for (DemoPerson person : plan) {
            if (people.exists(person.entry().idNumber())) {
                continue;
            }
            OrgSnapshot org = tree.find(orgs.get(person.orgName())).orElseThrow();
            NewPerson toEnter = withFreeDevelopmentNumber(person.entry());
            Person entered = person.role() == EntryRole.MEMBER
                    ? entry.admitMember(org, toEnter)
                    : entry.admitCadre(org, toEnter);
            // a class that became a graduate branch before its people arrived (R-GRAD-3) makes them graduates
            boolean graduate = person.graduate() || person.role() == EntryRole.MEMBER
                    && org.type() == OrgType.GRADUATE_BRANCH && !person.delayedGraduate() && !person.teacher();
            if (graduate || person.flagged()) {
                store.setGraduationFlags(entered.idNumber(), graduate, person.delayedGraduate(), person.teacher());
                outbox.publish(Topics.MEMBER_EVENTS, new GraduationFlagsSet(entered.idNumber(), graduate,
                        person.delayedGraduate(), person.teacher()), entered.idNumber(), org.path());
            }
            created++;
        }
        return created;
    }

    /** R-MEM-5: the planned number, or the next one of the same year and segment that nobody holds. */
    private NewPerson withFreeDevelopmentNumber(NewPerson person) {
        String number = person.developmentNumber();
        if (number == null) {
            return person;
        }
        long candidate = Long.parseLong(number);
        while (store.developmentNumberTaken(Long.toString(candidate))) {
            candidate++;
        }
        return new NewPerson(person.idNumber(), person.name(), person.ethnicity(), person.politicalStatus(),
                person.education(), person.joinDate(), Long.toString(candidate), person.mobile(), person.email(),
                person.address(), person.emergencyContact(), person.emergencyPhone(), person.postTitle());
    }

    private List<String> missingOrgs() {
        List<String> names = new ArrayList<>(DemoPeople.orgNames(Year.now(clock).getValue()));
        names.add(DemoPeople.ROOT);
        names.add(DemoPeople.CENTRAL);
        names.removeAll(store.orgsUnderRoot(names).keySet());
        return names;
    }
}

package cn.league.identity.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.league.identity.centre.GuardedCentre;
import cn.league.identity.status.StatusStore.BatchRecord;
import cn.league.identity.status.StatusStore.Check;
import cn.league.identity.status.StatusStore.FailedPerson;
import cn.league.identity.status.StatusStore.PersonStatus;
import cn.league.support.security.Caller;

/** 公民身份核验 for admins (R-ID-1 … R-ID-3), each answer limited to the caller's subtree (R-SCOPE-1). */
@Tag(name = "身份核验", description = "核验状态、各状态人数、校验不通过人员与重新核验 (R-ID-1, R-ID-3)")
@RestController
@RequestMapping("/api/identity")
class IdentityController {

    private static final int HISTORY = 50;
    private static final int MAX_PAGE = 100;

    private final StatusStore statuses;
    private final IdentityScope scope;
    private final GuardedCentre centre;

    IdentityController(StatusStore statuses, IdentityScope scope, GuardedCentre centre) {
        this.statuses = statuses;
        this.scope = scope;
        this.centre = centre;
    }

    record PersonView(PersonStatus person, List<Check> history) {
    }

    /** A person's status (未校验 / 校验通过 / 校验不通过 with the centre's reason) and their last checks. */
    @Operation(summary = "身份核验状态与最近核验记录 (R-ID-1)")
    @GetMapping("/people/{idNumber}")
    @Transactional(readOnly = true)
    PersonView person(JwtAuthenticationToken token, @PathVariable String idNumber) {
        PersonStatus person = visiblePerson(token, idNumber);
        return new PersonView(person, statuses.history(person.idNumber(), HISTORY));
    }

    record Queued(int queued) {
    }

    /** R-ID-3: check the person again now (nothing to do when PASSED). */
    @Operation(summary = "立即重新核验此人 (R-ID-3)")
    @PostMapping("/people/{idNumber}/recheck")
    Queued recheckPerson(JwtAuthenticationToken token, @PathVariable String idNumber) {
        PersonStatus person = visiblePerson(token, idNumber);
        return new Queued(statuses.recheck(person.idNumber()) ? 1 : 0);
    }

    record Count(VerificationStatus status, String label, long people) {
    }

    record Counts(long orgId, List<Count> counts) {
    }

    /** R-ID-1: how many people of the org's subtree are in each status. */
    @Operation(summary = "各核验状态人数 (R-ID-1)")
    @GetMapping("/orgs/{orgId}/counts")
    Counts counts(JwtAuthenticationToken token, @PathVariable long orgId) {
        Map<VerificationStatus, Long> counts = statuses.counts(scope.subtree(caller(token), orgId));
        return new Counts(orgId, counts.entrySet().stream()
                .map(count -> new Count(count.getKey(), count.getKey().label(), count.getValue())).toList());
    }

    record FailedPage(List<FailedPerson> items, int page, int size) {
    }

    /** The FAILED people of the org's subtree with the centre's reason, to correct (FAQ 17). */
    @Operation(summary = "校验不通过人员及原因 (R-ID-1, R-ID-2)")
    @GetMapping("/orgs/{orgId}/failed")
    FailedPage failed(JwtAuthenticationToken token, @PathVariable long orgId,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int pageSize = pageSize(size);
        int pageNumber = Math.max(0, page);
        return new FailedPage(statuses.failed(scope.subtree(caller(token), orgId), pageNumber, pageSize), pageNumber,
                pageSize);
    }

    /** R-ID-3: check every FAILED person of the org's subtree again now. */
    @Operation(summary = "重新核验全部校验不通过人员 (R-ID-3)")
    @PostMapping("/orgs/{orgId}/rechecks")
    Queued recheckFailed(JwtAuthenticationToken token, @PathVariable long orgId) {
        return new Queued(statuses.recheckFailed(scope.subtree(caller(token), orgId)));
    }

    record BatchPage(List<BatchRecord> items, int page, int size) {
    }

    /** Ops: the batches sent to the centre, newest first (团中央's admins). */
    @Operation(summary = "运维：发往核验中心的批次 (R-ID-2, R-ID-3)")
    @GetMapping("/batches")
    BatchPage batches(JwtAuthenticationToken token, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "20") int size) {
        scope.central(caller(token));
        int pageSize = pageSize(size);
        int pageNumber = Math.max(0, page);
        return new BatchPage(statuses.batches(pageNumber, pageSize), pageNumber, pageSize);
    }

    record CentreHealth(boolean up, String circuit, Map<String, Long> queue) {
    }

    /** Ops: whether the centre answers, whether sending is paused (circuit open), and the queue (团中央's admins). */
    @Operation(summary = "运维：核验中心状态与待核验队列 (R-ID-3)")
    @GetMapping("/centre")
    CentreHealth centre(JwtAuthenticationToken token) {
        scope.central(caller(token));
        return new CentreHealth(centre.up(), centre.circuit().name(), statuses.queue());
    }

    private PersonStatus visiblePerson(JwtAuthenticationToken token, String idNumber) {
        PersonStatus person = statuses.person(idNumber.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(IdentityScope::unknownPerson);
        scope.person(caller(token), person.idNumber(), person.orgIds());
        return person;
    }

    private static String caller(JwtAuthenticationToken token) {
        return Caller.of(token).idNumber();
    }

    private static int pageSize(int size) {
        return Math.min(MAX_PAGE, Math.max(1, size));
    }
}

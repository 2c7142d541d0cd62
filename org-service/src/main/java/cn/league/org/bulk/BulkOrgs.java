package cn.league.org.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.OrgCreated;
import cn.league.org.scope.Scope;
import cn.league.org.tree.BranchKindRule;
import cn.league.org.tree.NewOrg;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgShapeRule;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.org.tree.SchoolLevelRule;
import cn.league.support.outbox.Outbox;
import cn.league.support.outbox.Outbox.Publication;
import cn.league.support.problem.ProblemException;

/**
 * Many orgs in one request (issue 18 item 2: a generated country, a province's tree loaded at once): each row under an
 * existing org or under an earlier row, each new org checked by the rules of single creation ({@link OrgShapeRule},
 * {@link BranchKindRule}, {@link SchoolLevelRule}: R-ORG-1, R-GRAD-5, R-TR-11), every existing parent in the
 * caller's subtree (R-SCOPE-1); stored by one COPY and announced by one {@link OrgCreated} each, as single creation
 * announces it, so every service's tree replica follows. All or nothing: the first refused row refuses the request,
 * its detail naming the row.
 * <p>
 * <b>Decision</b>: a row whose parent already has a child of the same full name (or an earlier row of the request
 * does) names that org and creates nothing, so a request sent twice — a retry, a second run of the seeder — makes
 * every org once.
 */
@Service
public class BulkOrgs {

    /** Rows per request. */
    public static final int MAX_ROWS = 5_000;

    private final OrgStore store;
    private final Scope scope;
    private final Outbox outbox;

    BulkOrgs(OrgStore store, Scope scope, Outbox outbox) {
        this.store = store;
        this.scope = scope;
        this.outbox = outbox;
    }

    @Transactional
    public BulkOrgResult create(String caller, List<BulkOrgRow> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "BATCH_EMPTY", null, "没有要建立的组织");
        }
        if (rows.size() > MAX_ROWS) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "BATCH_TOO_LARGE", null,
                    "每批最多建立" + MAX_ROWS + "个组织");
        }
        Map<Long, Org> parents = existingParents(caller, rows);
        int size = rows.size();
        // first pass: which rows name an org that is there already (under an existing parent, by full name)
        Org[] found = new Org[size];
        int[] sameAs = new int[size];
        Map<String, Integer> firstRow = new HashMap<>();
        Map<Long, Map<String, Org>> childrenByName = new HashMap<>();
        int fresh = 0;
        for (int i = 0; i < size; i++) {
            BulkOrgRow row = rows.get(i);
            String name = row.org().fullName().strip();
            sameAs[i] = -1;
            String parentKey;
            Org existingParent;
            if (row.parentId() != null) {
                existingParent = parents.get(row.parentId());
                parentKey = "o" + existingParent.id();
            } else {
                int parent = resolve(sameAs, row.parentRow());
                existingParent = found[parent];
                parentKey = existingParent != null ? "o" + existingParent.id() : "r" + parent;
            }
            Integer earlier = firstRow.putIfAbsent(parentKey + "/" + name, i);
            if (earlier != null) {
                sameAs[i] = earlier;
                continue;
            }
            if (existingParent != null) {
                found[i] = childrenByName.computeIfAbsent(existingParent.id(), this::childrenByName).get(name);
            }
            if (found[i] == null) {
                fresh++;
            }
        }
        // second pass: the new orgs, each checked against its parent as single creation checks it
        long[] ids = fresh == 0 ? new long[0] : store.nextIds(fresh);
        Org[] made = new Org[size];
        List<Org> created = new ArrayList<>(fresh);
        List<BulkOrgResult.Row> outcomes = new ArrayList<>(size);
        int next = 0;
        for (int i = 0; i < size; i++) {
            if (sameAs[i] >= 0) {
                Org same = orgOf(found, made, resolve(sameAs, i));
                outcomes.add(new BulkOrgResult.Row(i, same.id(), false));
                continue;
            }
            if (found[i] != null) {
                outcomes.add(new BulkOrgResult.Row(i, found[i].id(), false));
                continue;
            }
            BulkOrgRow row = rows.get(i);
            Org parent = row.parentId() != null ? parents.get(row.parentId())
                    : orgOf(found, made, resolve(sameAs, row.parentRow()));
            NewOrg request = row.org();
            checkRules(i, parent, request);
            Org child = Org.childOf(parent, ids[next++], new Org.Info(request.type(), request.domain(),
                    request.schoolLevel(), request.fullName().strip(), request.shortName().strip(),
                    request.contactPerson(), request.contactPhone(), request.baseline2017()), request.branchKind(),
                    false);
            made[i] = child;
            created.add(child);
            outcomes.add(new BulkOrgResult.Row(i, child.id(), true));
        }
        store.copy(created);
        List<Publication> events = new ArrayList<>(created.size());
        for (Org org : created) {
            events.add(new Publication(new OrgCreated(org.snapshot()), org.eventKey(), org.path()));
        }
        outbox.publishAll(Topics.ORG_EVENTS, events);
        return new BulkOrgResult(created.size(), size - created.size(), outcomes);
    }

    /**
     * The existing parents the rows name, locked, each in the caller's subtree (R-SCOPE-1); a row naming neither an
     * existing parent nor an earlier row is refused.
     */
    private Map<Long, Org> existingParents(String caller, List<BulkOrgRow> rows) {
        TreeSet<Long> ids = new TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            BulkOrgRow row = rows.get(i);
            if (row == null || row.org() == null) {
                throw rowRefused(i, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", null, "缺少组织信息");
            }
            boolean byId = row.parentId() != null;
            boolean byRow = row.parentRow() != null;
            if (byId == byRow || byRow && row.parentRow() >= i) {
                throw rowRefused(i, HttpStatus.BAD_REQUEST, "BULK_PARENT_INVALID", null,
                        "须指定已有的上级组织(parentId)或本批中在它之前的一行(parentRow),二者选一");
            }
            if (byId) {
                ids.add(row.parentId());
            }
        }
        Map<Long, Org> parents = ids.isEmpty() ? Map.of() : store.lockAll(ids.toArray(Long[]::new));
        for (Long id : ids) {
            if (!parents.containsKey(id)) {
                throw OrgTree.notFound();
            }
            scope.requireMayActOn(caller, id);
        }
        return parents;
    }

    private Map<String, Org> childrenByName(long parentId) {
        Map<String, Org> byName = new HashMap<>();
        for (Org child : store.allChildren(parentId)) {
            byName.putIfAbsent(child.fullName(), child);
        }
        return byName;
    }

    private static void checkRules(int row, Org parent, NewOrg request) {
        try {
            OrgShapeRule.checkNewChild(parent.type(), request.type(), request.branchKind());
            BranchKindRule.checkParent(parent.type(), parent.domain(), request.branchKind());
            SchoolLevelRule.check(request.domain(), request.schoolLevel());
        } catch (ProblemException refused) {
            throw rowRefused(row, refused.status(), refused.code(), refused.rule(), refused.detail());
        }
    }

    /** The row whose org this row names: itself, or the first row of the request with its parent and full name. */
    private static int resolve(int[] sameAs, int row) {
        return sameAs[row] >= 0 ? sameAs[row] : row;
    }

    private static Org orgOf(Org[] found, Org[] made, int row) {
        return found[row] != null ? found[row] : made[row];
    }

    private static ProblemException rowRefused(int row, HttpStatus status, String code, String rule, String detail) {
        return new ProblemException(status, code, rule, "第" + (row + 1) + "行:" + detail);
    }
}

package cn.league.member.profile;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.org.OrgSnapshot;
import cn.league.member.profile.ProfileStore.Candidate;
import cn.league.member.scope.MemberScope;

/**
 * R-STAT-3 (FAQ 19): who in an org has incomplete info (R-MEM-6) and what is missing — for a branch its
 * members and cadres (团员列表), for a leading body, 团委, 团工委 or 团总支 its cadres (团干部列表). Scoped by
 * R-SCOPE-1. Completeness is decided by {@link PersonCompleteness} alone, so the org's people are read in
 * ID number order, chunk by chunk, until a page of incomplete ones is full; the cursor is the last ID
 * number read.
 */
@Service
public class IncompletePeople {

    static final int CHUNK = 200;

    private final ProfileStore profiles;
    private final MemberScope scope;

    public IncompletePeople(ProfileStore profiles, MemberScope scope) {
        this.profiles = profiles;
        this.scope = scope;
    }

    @Transactional(readOnly = true)
    public Page page(String caller, long orgId, String after, int size) {
        OrgSnapshot org = scope.requireOrgInScope(caller, orgId);
        boolean branch = org.type().isBranch();
        List<Entry> items = new ArrayList<>();
        String cursor = after;
        while (true) {
            List<Candidate> chunk = profiles.candidates(orgId, branch, cursor, CHUNK);
            for (Candidate candidate : chunk) {
                cursor = candidate.person().idNumber();
                if (candidate.deleted()) {
                    continue;
                }
                List<String> missing = PersonCompleteness.missing(candidate.person(), candidate.cadre(),
                        candidate.postTitles(), candidate.provinceCodes());
                if (!missing.isEmpty()) {
                    items.add(new Entry(candidate.person().idNumber(), candidate.person().name(),
                            candidate.cadre(), candidate.postTitles(), missing));
                    if (items.size() == size) {
                        return new Page(items, cursor);
                    }
                }
            }
            if (chunk.size() < CHUNK) {
                return new Page(items, null);
            }
        }
    }

    /**
     * A person whose info is incomplete.
     *
     * @param posts   the titles of every post they hold
     * @param missing the required fields still empty
     */
    public record Entry(String idNumber, String name, boolean cadre, List<String> posts, List<String> missing) {
    }

    /** @param nextAfter pass as {@code after} for the next page; null on the last page */
    public record Page(List<Entry> items, String nextAfter) {
    }
}

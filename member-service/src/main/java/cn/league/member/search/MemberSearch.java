package cn.league.member.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.member.person.Person;
import cn.league.member.search.MemberSearchStore.AdministeredOrg;
import cn.league.member.search.MemberSearchStore.Hit;
import cn.league.member.search.MemberSearchStore.PersonOrg;
import cn.league.member.search.MemberSearchStore.Where;
import cn.league.support.problem.ProblemException;

/**
 * R-SRCH-1 (FAQ 41): global search of people within the caller's subtree (R-SCOPE-1) — by ID number, by name
 * (narrowed by org and/or province when there are many hits), and by development number to the member's
 * e-archive. People outside the subtree are simply not found.
 *
 * <p><b>Decision</b> (ID numbers): whoever finds a person sees their ID number in full, by ID, by name and in the
 * e-archive. Only people inside the caller's subtree are found, and the same admin sees the same number in the
 * member lists and profiles of that subtree (R-SCOPE-1); masking it in search alone would protect nothing and
 * only hide from an admin the number they entered. Someone registered elsewhere is not found at all (R-AUTH-5).
 *
 * <p><b>Decision</b> (members): search is the admins' tool, but a member is not refused — whoever
 * administers no org searches only themself (R-SCOPE-3): their own ID number, name or development number
 * finds their own record, anything else finds nothing.
 */
@Service
public class MemberSearch {

    private final MemberSearchStore store;

    public MemberSearch(MemberSearchStore store) {
        this.store = store;
    }

    /** One hit: the org shown is the first of the person's orgs inside the caller's scope (membership first). */
    public record PersonHit(String name, String idNumber, Long orgId, String orgName,
                            String politicalStatus, Person.Verification verification, String verificationLabel) {
    }

    public record HitPage(List<PersonHit> items, String nextAfter) {
    }

    public record ArchiveOrg(long orgId, String orgName, String title) {
    }

    /** 电子档案: the member's profile, membership and posts (those inside the caller's scope). */
    public record Archive(String name, String idNumber, String gender, LocalDate birthDate,
                          String ethnicity, String politicalStatus, String education, LocalDate joinDate,
                          String developmentNumber, String mobile, boolean graduate, String verification,
                          ArchiveOrg membership, OffsetDateTime memberSince, List<ArchiveOrg> posts) {
    }

    @Transactional(readOnly = true)
    public HitPage byIdNumber(String caller, String idNumber, Long orgId, String province) {
        Looking looking = looking(caller, orgId, province);
        String id = idNumber.strip().toUpperCase(Locale.ROOT);
        return page(looking, store.byIdNumber(id, looking.where()).stream().toList(), Integer.MAX_VALUE);
    }

    @Transactional(readOnly = true)
    public HitPage byName(String caller, String name, Long orgId, String province, String after, int size) {
        NameQuery query = NameQuery.of(name);
        SearchCursor cursor = SearchCursor.decode(after);
        Looking looking = looking(caller, orgId, province);
        return page(looking, store.byName(query, looking.where(), cursor, size), size);
    }

    @Transactional(readOnly = true)
    public Archive archive(String caller, String developmentNumber) {
        Looking looking = looking(caller, null, null);
        Hit hit = store.byDevelopmentNumber(developmentNumber.strip(), looking.where())
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "ARCHIVE_NOT_FOUND", "R-SRCH-1",
                        "未找到该发展团员编号对应的团员电子档案"));
        List<PersonOrg> orgs = looking.visible(store.orgsOf(List.of(hit.idNumber())));
        var profile = store.profile(hit.idNumber());
        ArchiveOrg membership = orgs.stream().filter(PersonOrg::member).findFirst()
                .map(org -> new ArchiveOrg(org.orgId(), org.fullName(), null)).orElse(null);
        return new Archive(profile.name(), profile.idNumber(),
                profile.gender(), profile.birthDate(), profile.ethnicity(), profile.politicalStatus(),
                profile.education(), profile.joinDate(), profile.developmentNumber(), profile.mobile(),
                profile.graduate(), profile.verification(), membership,
                membership == null ? null : store.memberSince(hit.idNumber()).orElse(null),
                orgs.stream().filter(org -> !org.member())
                        .map(org -> new ArchiveOrg(org.orgId(), org.fullName(), org.title())).toList());
    }

    private HitPage page(Looking looking, List<Hit> hits, int size) {
        Map<String, List<PersonOrg>> orgs = looking.visible(store.orgsOf(hits.stream().map(Hit::idNumber).toList()))
                .stream().collect(Collectors.groupingBy(PersonOrg::idNumber));
        List<PersonHit> items = hits.stream().map(hit -> {
            List<PersonOrg> theirs = orgs.getOrDefault(hit.idNumber(), List.of());
            PersonOrg shown = theirs.isEmpty() ? null : theirs.getFirst();
            return new PersonHit(hit.name(), hit.idNumber(),
                    shown == null ? null : shown.orgId(), shown == null ? null : shown.fullName(),
                    hit.politicalStatus(), hit.verification(), hit.verification().label());
        }).toList();
        String next = hits.size() == size ? new SearchCursor(hits.getLast().name(), hits.getLast().searchKey()).encode()
                : null;
        return new HitPage(items, next);
    }

    private Looking looking(String caller, Long orgId, String province) {
        if (province != null && !province.isBlank() && !province.strip().matches("\\d{2}")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "BAD_PROVINCE", "R-SRCH-1", "省份代码应为两位数字");
        }
        String provinceCode = province == null || province.isBlank() ? null : province.strip();
        List<AdministeredOrg> administered = store.administeredBy(caller);
        if (administered.isEmpty()) {
            return new Looking(Where.onlySelf(caller));
        }
        List<String> paths = administered.stream().map(AdministeredOrg::path).toList();
        String narrowTo = null;
        if (orgId != null) {
            var orgPath = store.orgPath(orgId);
            if (orgPath.isEmpty()) {
                return new Looking(new Where(List.of(), null));
            }
            narrowTo = orgPath.get();
        }
        List<String> subtrees = SearchScope.subtrees(paths, narrowTo);
        if (provinceCode != null) {
            subtrees = SearchScope.within(subtrees, store.provincialLevelPaths(provinceCode));
        }
        return new Looking(new Where(subtrees, null));
    }

    /** Where this search looks. */
    private record Looking(Where where) {

        /** The caller sees every org of their own record; an admin only the orgs inside their scope. */
        List<PersonOrg> visible(List<PersonOrg> orgs) {
            if (where.self() != null) {
                return orgs;
            }
            return orgs.stream().filter(org -> where.subtrees().stream()
                    .anyMatch(root -> org.path() != null && SearchScope.isWithin(org.path(), root))).toList();
        }
    }
}

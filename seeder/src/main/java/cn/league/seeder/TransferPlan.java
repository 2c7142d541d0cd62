package cn.league.seeder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the generated country's open transfers go: each mover's 办理转出 (R-TR-3) by the admin of their branch's
 * direct parent, to a receiving org of another request's worth of the tree (a city's own orgs or a county) — every
 * third one in another province where the scale has several. Members who are not graduates go to a branch or a
 * 团委/团工委/团总支 (which then assigns a branch) of enterprises, communities, villages or institutions. Graduates
 * name their destination (R-TR-11): a university's to a job (an employer's branch, or a park's or street's
 * 学社衔接临时团支部 with that park or street as the employer's location) or, without one, a 流动团支部; a 中专's to a
 * job or a 流动团支部; a 高中's to further study in a university's first-year class, an 初中's in a 高中's 高一 class.
 * Deterministic: the same movers and receivers give the same transfers.
 */
final class TransferPlan {

    /** At most this many of each kind of receiving org are kept per request's worth of the tree, spread over it. */
    static final int KEPT = 6;

    private TransferPlan() {
    }

    /** A 学社衔接临时团支部 and the park's or street's 团工委 it lies under, the employer's location (R-TR-11). */
    record Temporary(long branchId, long locationId) {
    }

    /**
     * The receiving orgs of one request's worth of the tree, a few of each kind.
     *
     * @param branches          branches of young people at work or at home (no flag, no school)
     * @param bodies            团委 / 团工委 / 团总支 outside schools
     * @param floating          流动团支部
     * @param universityClasses the universities' first-year classes
     * @param seniorClasses     the 高中's 高一 classes
     */
    record Receivers(String provinceCode, List<Long> branches, List<Long> bodies, List<Long> floating,
                     List<Temporary> temporary, List<Long> universityClasses, List<Long> seniorClasses) {

        /** The receivers among a request's rows, by the ids org-service gave them. */
        static Receivers of(String provinceCode, List<OrgRow> rows, long[] ids) {
            List<Long> branches = new ArrayList<>();
            List<Long> bodies = new ArrayList<>();
            List<Long> floating = new ArrayList<>();
            List<Temporary> temporary = new ArrayList<>();
            List<Long> universityClasses = new ArrayList<>();
            List<Long> seniorClasses = new ArrayList<>();
            int universityFirstYear = firstYear(rows, "UNIVERSITY");
            int seniorFirstYear = firstYear(rows, "SENIOR_HIGH");
            for (int i = 0; i < rows.size(); i++) {
                OrgRow row = rows.get(i);
                boolean school = row.domain().equals("SCHOOL");
                if (!row.branch()) {
                    if (i > 0 && !school) {
                        bodies.add(ids[i]);
                    }
                } else if ("FLOATING".equals(row.branchKind())) {
                    floating.add(ids[i]);
                } else if ("SCHOOL_TO_SOCIETY_TEMPORARY".equals(row.branchKind())) {
                    temporary.add(new Temporary(ids[i], ids[row.parentRow()]));
                } else if (row.graduationYear() != null) {
                    if (row.schoolLevel().equals("UNIVERSITY") && row.graduationYear() == universityFirstYear) {
                        universityClasses.add(ids[i]);
                    } else if (row.schoolLevel().equals("SENIOR_HIGH") && row.graduationYear() == seniorFirstYear) {
                        seniorClasses.add(ids[i]);
                    }
                } else if (!school && row.band() == AgeBand.YOUTH) {
                    branches.add(ids[i]);
                }
            }
            return new Receivers(provinceCode, spread(branches), spread(bodies), spread(floating), spread(temporary),
                    spread(universityClasses), spread(seniorClasses));
        }

        private static int firstYear(List<OrgRow> rows, String level) {
            return rows.stream().filter(row -> level.equals(row.schoolLevel()) && row.graduationYear() != null)
                    .mapToInt(OrgRow::graduationYear).max().orElse(0);
        }

        /** At most {@link #KEPT} of them, evenly spaced over the request (whose rows go body by body). */
        private static <T> List<T> spread(List<T> all) {
            if (all.size() <= KEPT) {
                return List.copyOf(all);
            }
            List<T> kept = new ArrayList<>(KEPT);
            for (int k = 0; k < KEPT; k++) {
                kept.add(all.get(k * all.size() / KEPT));
            }
            return kept;
        }
    }

    /**
     * Someone who moves: a member of {@code branchId}, whose 办理转出 its direct parent's admin starts.
     *
     * @param unit the index of the mover's request among the receivers
     * @param band who they are: graduates name a destination
     */
    record Mover(Person person, long branchId, long outSideId, int unit, AgeBand band) {
    }

    /** One transfer to start: to {@code toOrgId}, with a graduate's destination type and employer's location. */
    record Planned(Mover mover, long toOrgId, String destinationType, Long employerLocationOrgId, String reason) {
    }

    /** The transfers of these movers; a mover whose kind of receiving org the tree lacks is left out. */
    static List<Planned> plan(List<Mover> movers, List<Receivers> receivers) {
        List<Planned> planned = new ArrayList<>(movers.size());
        int members = 0;
        int[] graduates = new int[AgeBand.values().length];
        for (Mover mover : movers) {
            Planned transfer = mover.band().graduated()
                    ? graduate(mover, graduates[mover.band().ordinal()]++, receivers)
                    : member(mover, members++, receivers);
            if (transfer != null) {
                planned.add(transfer);
            }
        }
        return planned;
    }

    private static Planned member(Mover mover, int n, List<Receivers> receivers) {
        if (n % 4 == 3) {
            Receivers at = elsewhere(mover, n, receivers, Receivers::bodies);
            if (at != null) {
                return new Planned(mover, pick(at.bodies(), mover, n), null, null, "工作调动");
            }
        }
        Receivers at = elsewhere(mover, n, receivers, Receivers::branches);
        return at == null ? null : new Planned(mover, pick(at.branches(), mover, n), null, null, "工作调动");
    }

    private static Planned graduate(Mover mover, int n, List<Receivers> receivers) {
        return switch (mover.band()) {
            case GRADUATED_UNIVERSITY -> switch (n % 3) {
                case 0 -> toPark(mover, n, receivers);
                case 1 -> noJob(mover, n, receivers);
                default -> job(mover, n, receivers);
            };
            case GRADUATED_VOCATIONAL -> n % 2 == 0 ? job(mover, n, receivers) : noJob(mover, n, receivers);
            case GRADUATED_SENIOR_HIGH -> study(mover, n, receivers, Receivers::universityClasses, "考入大学");
            case GRADUATED_JUNIOR_HIGH -> study(mover, n, receivers, Receivers::seniorClasses, "升入高中");
            default -> throw new IllegalArgumentException("not a graduate: " + mover.band());
        };
    }

    /** A job with an employer that has its own org: its branch, no location needed. */
    private static Planned job(Mover mover, int n, List<Receivers> receivers) {
        Receivers at = elsewhere(mover, n, receivers, Receivers::branches);
        return at == null ? null : new Planned(mover, pick(at.branches(), mover, n), "JOB", null, "毕业入职");
    }

    /** A job with an employer without an org, in a park or street: its 学社衔接临时团支部. */
    private static Planned toPark(Mover mover, int n, List<Receivers> receivers) {
        Receivers at = elsewhere(mover, n, receivers, Receivers::temporary);
        if (at == null) {
            return null;
        }
        Temporary temporary = pick(at.temporary(), mover, n);
        return new Planned(mover, temporary.branchId(), "JOB", temporary.locationId(), "毕业入职园区企业");
    }

    private static Planned noJob(Mover mover, int n, List<Receivers> receivers) {
        Receivers at = elsewhere(mover, n, receivers, Receivers::floating);
        return at == null ? null
                : new Planned(mover, pick(at.floating(), mover, n), "NO_JOB", null, "毕业未就业,转回户籍所在地");
    }

    private static Planned study(Mover mover, int n, List<Receivers> receivers,
                                 Function<Receivers, List<Long>> classes, String reason) {
        Receivers at = elsewhere(mover, n, receivers, classes);
        return at == null ? null
                : new Planned(mover, pick(classes.apply(at), mover, n), "FURTHER_STUDY", null, reason);
    }

    /**
     * The {@code n}-th mover's receiving request among those with this kind of org: every third one in another
     * province where there is one, the others in another request of the same province, or in the mover's own when
     * no other has it.
     */
    private static <T> Receivers elsewhere(Mover mover, int n, List<Receivers> receivers,
                                           Function<Receivers, List<T>> kind) {
        String province = receivers.get(mover.unit()).provinceCode();
        List<Receivers> sameProvince = new ArrayList<>();
        List<Receivers> otherProvinces = new ArrayList<>();
        for (int u = 0; u < receivers.size(); u++) {
            Receivers at = receivers.get(u);
            if (u == mover.unit() || kind.apply(at).isEmpty()) {
                continue;
            }
            (at.provinceCode().equals(province) ? sameProvince : otherProvinces).add(at);
        }
        if (!otherProvinces.isEmpty() && (n % 3 == 2 || sameProvince.isEmpty())) {
            return otherProvinces.get(Math.floorMod(n * 7 + mover.unit(), otherProvinces.size()));
        }
        if (!sameProvince.isEmpty()) {
            return sameProvince.get(Math.floorMod(n * 7 + mover.unit(), sameProvince.size()));
        }
        Receivers own = receivers.get(mover.unit());
        return kind.apply(own).isEmpty() ? null : own;
    }

    /** One of the kept orgs, by the mover and their turn: movers of one request spread over them. */
    private static <T> T pick(List<T> kept, Mover mover, int n) {
        return kept.get(Math.floorMod(Long.hashCode(mover.branchId() * 31 + n), kept.size()));
    }
}

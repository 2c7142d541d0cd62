package cn.league.member.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.league.contracts.member.IdNumberCheckCharacter;
import cn.league.member.entry.DevelopmentNumberRule;
import cn.league.member.entry.EntryRole;
import cn.league.member.membership.NewPerson;

/**
 * Who the demo org tree of {@code ./league up} is filled with (org-service's {@code DemoData}): in every
 * demo branch a handful of members, one of them with incomplete info (no mobile or no education, R-MEM-6,
 * R-STAT-3); in the class branches graduating this year a delayed graduate and a teacher (R-MEM-10); in the
 * 学社衔接临时团支部 last year's graduates; in every committee cadres with posts, the demo admins as 书记 of
 * their org. Ages, join ages and development numbers fit R-MEM-3, R-MEM-4 and R-MEM-5 for the year the
 * plan is made in; ID numbers carry real Zhejiang region codes and GB 11643 check digits. Plain data, no
 * database: the filler enters each person through the ordinary entry code.
 */
public final class DemoPeople {

    /** The province the demo tree hangs under; its GB/T 2260 province code is 33. */
    public static final String ROOT = "团浙江省委";
    /** 团中央, the top of the whole tree: its demo admin acts where only the centre may. */
    public static final String CENTRAL = "中国共产主义青年团中央委员会";

    public static final String PROVINCE_ADMIN = "110105199001014329";
    public static final String CITY_ADMIN = "330102198602020027";
    public static final String COUNTY_ADMIN = "330106198703030035";
    public static final String UNIVERSITY_ADMIN = "330106198804040048";
    public static final String PARK_ADMIN = "330110198905050055";
    public static final String STREET_ADMIN = "330106199006060065";
    public static final String CENTRAL_ADMIN = "110101198505040117";
    /** The 书记 of the colleges and of the first class graduating this year in each: the out-side of their transfers. */
    public static final String COMPUTING_ADMIN = "330108199010151712";
    public static final String ECONOMICS_ADMIN = "330302198906301910";
    public static final String COMPUTING_CLASS_ADMIN = "330106200403152356";
    public static final String ECONOMICS_CLASS_ADMIN = "330106200308212445";

    static final String CITY = "团杭州市委";
    static final String COUNTY = "团杭州市西湖区委";
    static final String UNIVERSITY = "共青团浙江大学委员会";
    static final String COMPUTING = "计算机科学与技术学院团委";
    static final String ECONOMICS = "经济学院团委";
    static final String PARK = "西湖科创园团工委";
    static final String TEMPORARY_BRANCH = "西湖科创园学社衔接临时团支部";
    static final String COMPANY_BRANCH = "某科技有限公司团支部";
    static final String STREET = "转塘街道团工委";
    static final String FLOATING_BRANCH = "转塘街道流动团支部";
    static final String COMMUNITY_BRANCH = "转塘街道某社区团支部";

    private static final String[] REGIONS = {"330106", "330105", "330108", "330110", "330203", "330302",
            "330402", "330502", "330602", "330702", "330782", "331002", "331102"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",
            "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "沈"};
    private static final String[] GIVEN = {"子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "雨桐", "嘉怡", "思远",
            "一诺", "晨阳", "佳琪", "博文", "诗涵", "明轩", "若曦", "天佑", "可馨", "泽宇", "雅静", "志强", "梦瑶",
            "文博", "心怡", "振华", "晓雯", "皓轩", "静怡", "家豪", "婉清"};

    /**
     * A cadre of the university with a fixed birth date: created last, in the same transaction as everyone
     * else, so that finding them means the demo people are all there.
     */
    public static final String ANCHOR = idNumber("330106", LocalDate.of(1992, 9, 10), 871);

    private DemoPeople() {
    }

    /**
     * One person to enter: into {@code orgName} as a member of the branch, or as a cadre holding the post
     * named in the entry. The development number given is the preferred one; the filler takes the next free
     * one if somebody already holds it.
     */
    public record DemoPerson(String orgName, EntryRole role, NewPerson entry, boolean graduate,
                             boolean delayedGraduate, boolean teacher) {

        public boolean flagged() {
            return graduate || delayedGraduate || teacher;
        }
    }

    /** The class branches org-service's demo makes in {@code year}, with their graduation year. */
    public record ClassBranch(String name, int graduationYear) {
    }

    public static List<ClassBranch> classBranches(int year) {
        return List.of(
                new ClassBranch("计算机" + (year - 4) + "级1班团支部", year),
                new ClassBranch("计算机" + (year - 4) + "级2班团支部", year),
                new ClassBranch("计算机" + (year - 3) + "级1班团支部", year + 1),
                new ClassBranch("经济学" + (year - 4) + "级1班团支部", year),
                new ClassBranch("经济学" + (year - 2) + "级1班团支部", year + 2));
    }

    /** The first class of {@code college} (计算机, 经济学) that graduates in {@code year}. */
    public static String graduatingClass(String college, int year) {
        return college + (year - 4) + "级1班团支部";
    }

    /** Every demo org below {@value #ROOT} the people go into, by full name. */
    public static List<String> orgNames(int year) {
        List<String> names = new ArrayList<>(List.of(CITY, COUNTY, UNIVERSITY, COMPUTING, ECONOMICS, PARK,
                TEMPORARY_BRANCH, COMPANY_BRANCH, STREET, FLOATING_BRANCH, COMMUNITY_BRANCH));
        classBranches(year).forEach(branch -> names.add(branch.name()));
        return List.copyOf(names);
    }

    /** The people for a fill made in {@code year}; the anchor comes last. Same year, same people. */
    public static List<DemoPerson> plan(int year) {
        Plan plan = new Plan(year);
        plan.cadre(CENTRAL, CENTRAL_ADMIN, "高建明", "书记", "中共党员", "研究生", 2000, true);
        plan.cadre(ROOT, PROVINCE_ADMIN, "王丽华", "书记", "中共党员", "研究生", 2005, true);
        plan.cadre(ROOT, fixedId("330106", 1991, 3, 12, 113), "陈志远", "副书记", "中共党员", "研究生", 2006, true);
        plan.cadre(CITY, CITY_ADMIN, "李静", "书记", "中共党员", "研究生", 2001, true);
        plan.cadre(CITY, fixedId("330105", 1993, 7, 21, 135), "张伟", "副书记", "中共党员", "本科", 2008, true);
        plan.cadre(COUNTY, COUNTY_ADMIN, "刘建国", "书记", "中共党员", "本科", 2002, true);
        plan.cadre(COUNTY, fixedId("330106", 1995, 11, 3, 142), "赵敏", "组织委员", "中共党员", "本科", 2010, false);
        plan.cadre(UNIVERSITY, UNIVERSITY_ADMIN, "周晓燕", "书记", "中共党员", "研究生", 2003, true);
        plan.cadre(UNIVERSITY, fixedId("330106", 1994, 5, 8, 157), "吴昊", "副书记", "中共党员", "研究生", 2009, true);
        plan.cadre(COMPUTING, COMPUTING_ADMIN, "孙立新", "书记", "中共党员", "研究生", 2005, true);
        plan.cadre(COMPUTING, fixedId("330203", 1996, 2, 27, 182), "郑雨萱", "副书记", "中共预备党员", "研究生", 2011,
                true);
        plan.cadre(ECONOMICS, ECONOMICS_ADMIN, "何明", "书记", "中共党员", "研究生", 2004, true);
        plan.cadre(ECONOMICS, fixedId("330402", 1997, 8, 9, 204), "林晓", "组织委员", "共青团员", null, 2012, true);
        plan.cadre(PARK, PARK_ADMIN, "黄海涛", "书记", "中共党员", "本科", 2004, true);
        plan.cadre(PARK, fixedId("330110", 1995, 4, 18, 215), "马骏", "委员", "共青团员", "本科", 2010, true);
        plan.cadre(STREET, STREET_ADMIN, "徐丽娟", "书记", "中共党员", "本科", 2005, true);
        plan.cadre(STREET, fixedId("330106", 1994, 12, 1, 226), "沈晨", "副书记", "中共党员", "大专", 2009, true);
        plan.cadre(graduatingClass("计算机", year), COMPUTING_CLASS_ADMIN, "钱思源", "书记", "中共预备党员", "本科", 2016,
                true);
        plan.cadre(graduatingClass("经济学", year), ECONOMICS_CLASS_ADMIN, "蒋雨晴", "书记", "共青团员", "本科", 2016,
                true);

        for (ClassBranch branch : classBranches(year)) {
            int birthYear = branch.graduationYear() - 22;
            boolean graduatingNow = branch.graduationYear() == year;
            for (int i = 0; i < 4; i++) {
                plan.member(branch.name(), birthYear, "本科", Missing.cycle(plan.people.size()), false, false, false);
            }
            if (graduatingNow && branch.name().endsWith("级1班团支部") && branch.name().startsWith("计算机")) {
                plan.member(branch.name(), birthYear - 1, "本科", Missing.NOTHING, false, true, false);
                plan.member(branch.name(), year - 26, "研究生", Missing.NOTHING, false, false, true);
            }
        }
        for (int i = 0; i < 4; i++) {
            plan.member(TEMPORARY_BRANCH, year - 23, "本科", Missing.cycle(i), true, false, false);
        }
        for (int i = 0; i < 4; i++) {
            plan.member(COMPANY_BRANCH, year - 25 + i % 2, i == 1 ? "研究生" : "本科", Missing.cycle(i + 5), false,
                    false, false);
        }
        for (int i = 0; i < 4; i++) {
            plan.member(FLOATING_BRANCH, year - 24 + i % 3, i % 2 == 0 ? "高中" : "大专", Missing.cycle(i + 2),
                    false, false, false);
        }
        for (int i = 0; i < 4; i++) {
            plan.member(COMMUNITY_BRANCH, year - 20 - i, i == 0 ? "高中" : "本科", Missing.cycle(i + 7), false,
                    false, false);
        }
        plan.cadre(UNIVERSITY, ANCHOR, "宋佳怡", "宣传委员", "中共党员", null, 2007, true);
        return List.copyOf(plan.people);
    }

    /** A valid ID number: region, birth date, a three-digit sequence (odd for men) and the GB 11643 check. */
    static String idNumber(String region, LocalDate birthDate, int sequence) {
        return IdNumberCheckCharacter.complete(
                region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence));
    }

    private static String fixedId(String region, int year, int month, int day, int sequence) {
        return idNumber(region, LocalDate.of(year, month, day), sequence);
    }

    /** What a member leaves empty, so that the incomplete lists (R-STAT-3) have someone in every branch. */
    private enum Missing {
        NOTHING, MOBILE, EDUCATION;

        /** One in four misses something: the mobile or the education, by turns. */
        static Missing cycle(int index) {
            return index % 4 != 3 ? NOTHING : index % 8 == 3 ? MOBILE : EDUCATION;
        }
    }

    private static final class Plan {

        final int year;
        final List<DemoPerson> people = new ArrayList<>();

        Plan(int year) {
            this.year = year;
        }

        void cadre(String org, String idNumber, String name, String post, String status, String education,
                   int joinYear, boolean withMobile) {
            people.add(new DemoPerson(org, EntryRole.CADRE, new NewPerson(idNumber, name, "汉族", status, education,
                    LocalDate.of(joinYear, 5, 4), null, withMobile ? mobile() : null, null, "浙江省杭州市西湖区",
                    null, null, post), false, false, false));
        }

        void member(String branch, int birthYear, String education, Missing missing, boolean graduate,
                    boolean delayedGraduate, boolean teacher) {
            int n = people.size();
            LocalDate birthDate = LocalDate.of(birthYear, 1 + n % 12, 1 + n * 7 % 28);
            // joined at 15, in the spring after the 15th birthday's school year began
            LocalDate joinDate = birthDate.plusYears(15).plusMonths(2);
            String developmentNumber = DevelopmentNumberRule.isRequired(joinDate, false)
                    ? joinDate.getYear() + "33" + "%06d".formatted(800_000 + n) : null;
            String idNumber = idNumber(REGIONS[n % REGIONS.length], birthDate, 300 + n * 3);
            String name = SURNAMES[n % SURNAMES.length] + GIVEN[n * 7 % GIVEN.length];
            people.add(new DemoPerson(branch, EntryRole.MEMBER, new NewPerson(idNumber, name, n % 9 == 5 ? "畲族" : "汉族",
                    n % 11 == 7 ? "中共预备党员" : "共青团员", missing == Missing.EDUCATION ? null : education, joinDate,
                    developmentNumber, missing == Missing.MOBILE ? null : mobile(), null, "浙江省杭州市", null, null,
                    null), graduate, delayedGraduate, teacher));
        }

        private String mobile() {
            return "1385710" + "%04d".formatted(1000 + people.size());
        }
    }
}

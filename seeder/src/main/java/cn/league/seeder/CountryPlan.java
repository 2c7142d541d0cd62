package cn.league.seeder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The generated tree, deterministic from the seed: per province its cities, per city its own orgs (universities with
 * colleges and classes, state enterprises) and its counties, per county its streets and townships (with their
 * community or village branches, a 流动团支部 each and some 学社衔接临时团支部), schools of every level, enterprises,
 * an enterprise park, public institutions, social organisations and the organs' work committee — every org type a
 * person can create and every domain (R-ORG-1, R-ORG-8, R-GRAD-5, R-TR-11). Each city and each county is one bulk
 * request; row 0 is its 团委, under the province or the city.
 * <p>
 * Every school class but 小学's has the year it graduates, which its school marks (R-GRAD-1). The classes of the
 * school year now under way graduate from its end on (university 4 years, 高中 and 中专 3, 初中's 初三 at its end).
 * From September to December some of the classes that graduated this June are there too, as their 毕业生团组织 with
 * this year's mark (R-GRAD-3): half a grade's worth of classes per college, a twelfth of the classes (at least one) per
 * 高中, 初中 and 中专 — the rest moved on already. From the conversion date (06-01, the suite's default) the members
 * of every class marked with this year are this year's graduates ({@link AgeBand#graduatedOf}).
 * <p>
 * {@code province} and {@code national} draw the same names and people for 江苏, so a national run after a province
 * run completes it; {@code town} draws from another stream (its city is not one of theirs).
 */
final class CountryPlan {

    /** GB/T 2260 county codes per province, for ID numbers (none of the demo's). */
    static final Map<String, List<String>> REGIONS = Map.ofEntries(
            Map.entry("11", List.of("110111", "110112", "110113", "110114")),
            Map.entry("12", List.of("120106", "120110", "120111", "120112")),
            Map.entry("13", List.of("130109", "130110", "130111", "130121")),
            Map.entry("14", List.of("140110", "140121", "140122", "140123")),
            Map.entry("15", List.of("150122", "150123", "150124", "150125")),
            Map.entry("21", List.of("210111", "210112", "210113", "210114")),
            Map.entry("22", List.of("220112", "220113", "220122", "220182")),
            Map.entry("23", List.of("230110", "230111", "230112", "230113")),
            Map.entry("31", List.of("310109", "310110", "310112", "310113")),
            Map.entry("32", List.of("320113", "320114", "320115", "320116")),
            Map.entry("33", List.of("330114", "330122", "330127", "330182")),
            Map.entry("34", List.of("340122", "340123", "340124", "340181")),
            Map.entry("35", List.of("350112", "350121", "350122", "350123")),
            Map.entry("36", List.of("360113", "360121", "360123", "360124")),
            Map.entry("37", List.of("370113", "370114", "370115", "370116")),
            Map.entry("41", List.of("410108", "410122", "410181", "410182")),
            Map.entry("42", List.of("420107", "420111", "420112", "420113")),
            Map.entry("43", List.of("430112", "430121", "430181", "430182")),
            Map.entry("44", List.of("440112", "440113", "440114", "440115")),
            Map.entry("45", List.of("450109", "450110", "450123", "450124")),
            Map.entry("46", List.of("460203", "460204", "460205", "460302")),
            Map.entry("50", List.of("500106", "500107", "500108", "500109")),
            Map.entry("51", List.of("510112", "510113", "510114", "510115")),
            Map.entry("52", List.of("520115", "520121", "520122", "520123")),
            Map.entry("53", List.of("530114", "530115", "530124", "530125")),
            Map.entry("54", List.of("540123", "540124", "540127", "540202")),
            Map.entry("61", List.of("610113", "610114", "610115", "610116")),
            Map.entry("62", List.of("620121", "620122", "620123", "620302")),
            Map.entry("63", List.of("630121", "630123", "630202", "630203")),
            Map.entry("64", List.of("640181", "640202", "640205", "640221")),
            Map.entry("65", List.of("650107", "650109", "650121", "650202")));

    private static final String[] UNIVERSITIES = {"理工大学", "师范大学", "医科大学", "财经大学", "农业大学", "工业大学",
            "科技大学", "外国语大学"};
    private static final String[] COLLEGES = {"计算机学院", "机械工程学院", "经济管理学院", "外国语学院", "化学化工学院",
            "土木工程学院", "文学院", "数学与统计学院", "物理学院", "法学院", "医学院", "艺术学院", "电气工程学院", "生命科学学院"};
    private static final String[] CITY_ENTERPRISES = {"公交集团", "城投集团", "水务集团", "燃气集团", "地铁集团", "交通投资集团"};
    private static final String[] STATE_ENTERPRISES = {"供电公司", "烟草专卖局(公司)", "移动分公司", "邮政分公司", "农商银行",
            "石化分公司"};
    private static final String[] INDUSTRIES = {"机械", "电子", "纺织", "食品", "建材", "物流", "软件", "化工", "服装", "医药"};
    private static final String[] INSTITUTIONS = {"人民医院", "中医院", "妇幼保健院", "疾病预防控制中心", "图书馆", "广播电视台",
            "农业技术推广中心", "自来水公司", "林业站", "文化馆"};
    private static final String[] SOCIAL = {"青年志愿者协会", "社会工作服务中心", "青年创业协会", "义工联合会", "青年企业家协会"};
    private static final String[] ORGANS = {"县委办公室", "政府办公室", "发展和改革局", "教育局", "财政局", "人力资源和社会保障局",
            "自然资源局", "住房和城乡建设局", "交通运输局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "市场监督管理局",
            "统计局", "医疗保障局", "公安局", "司法局", "民政局", "应急管理局"};

    private final Scale scale;
    private final long seed;
    private final int firstGrade;
    /** the year the school year now under way ends (its 6th month) */
    private final int schoolYearEnd;
    /** from September on: this year's graduates' classes are in the tree, marked with this year */
    private final boolean graduatedCohort;
    /** this year, once its conversion date has come: its classes have graduated */
    private final int graduatedYear;

    /** @param today what decides the classes' years (the four grades now at school) */
    CountryPlan(Scale scale, long seed, LocalDate today) {
        this.scale = scale;
        this.seed = seed;
        this.graduatedCohort = today.getMonthValue() >= 9;
        this.schoolYearEnd = graduatedCohort ? today.getYear() + 1 : today.getYear();
        this.firstGrade = schoolYearEnd - 4;
        this.graduatedYear = today.isBefore(LocalDate.of(today.getYear(), 6, 1)) ? 0 : today.getYear();
    }

    record City(String name, List<OrgRow> rows, List<County> counties) {
    }

    record County(String name, List<OrgRow> rows) {
    }

    /** The cities of the province: row 0 of each under {@code provinceId}; row 0 of each county to be put under its city. */
    List<City> cities(String provinceCode, long provinceId) {
        RandomGenerator names = random(provinceCode, -1, -1, 0);
        Set<String> cityNames = new HashSet<>();
        List<City> cities = new ArrayList<>(scale.cities);
        for (int c = 0; c < scale.cities; c++) {
            String city = unique(cityNames, () -> Names.place(names) + "市");
            Set<String> countyNames = new HashSet<>();
            List<County> counties = new ArrayList<>(scale.countiesPerCity);
            for (int k = 0; k < scale.countiesPerCity; k++) {
                String county = unique(countyNames, () -> Names.place(names) + (names.nextInt(3) == 0 ? "区" : "县"));
                counties.add(new County(county, county(random(provinceCode, c, k, 1), city, county)));
            }
            cities.add(new City(city, cityRows(random(provinceCode, c, -1, 1), provinceId, city), counties));
        }
        return cities;
    }

    /** The stream the people of a city's own orgs ({@code county} -1) or of a county are drawn from. */
    RandomGenerator peopleRandom(String provinceCode, int city, int county) {
        return random(provinceCode, city, county, 2);
    }

    private List<OrgRow> cityRows(RandomGenerator random, long provinceId, String city) {
        Rows rows = new Rows(random);
        Shape s = scale.shape;
        int top = rows.add(new OrgRow(provinceId, null, "LEADING_BODY", null, "PARTY_AND_GOVERNMENT", null,
                "共青团" + city + "委员会", "团" + city + "委", 0, null, 2, null));
        Set<String> unis = new HashSet<>();
        for (int u = 0; u < s.universities(); u++) {
            String uni = city + unique(unis, () -> UNIVERSITIES[random.nextInt(UNIVERSITIES.length)]);
            int committee = rows.body(top, "COMMITTEE", "SCHOOL", "UNIVERSITY", "共青团" + uni + "委员会", uni + "团委");
            Set<String> colleges = new HashSet<>();
            for (int c = 0; c < s.colleges(); c++) {
                String college = unique(colleges, () -> COLLEGES[random.nextInt(COLLEGES.length)]);
                int body = rows.body(committee, "COMMITTEE", "SCHOOL", "UNIVERSITY", uni + college + "团委",
                        college + "团委");
                String major = college.substring(0, Math.min(2, college.length()));
                for (int grade = graduatedCohort ? -1 : 0; grade < 4; grade++) {
                    int enrolled = firstGrade + grade;
                    int classes = grade < 0 ? Math.max(1, s.classesPerGrade() / 2) : s.classesPerGrade();
                    for (int n = 1; n <= classes; n++) {
                        rows.schoolClass(body, "UNIVERSITY", "%s%s%d级%d班团支部".formatted(uni, major, enrolled, n),
                                "%s%d级%d班团支部".formatted(major, enrolled, n), AgeBand.UNIVERSITY, 30, enrolled + 4);
                    }
                }
            }
        }
        enterprises(rows, top, city, CITY_ENTERPRISES, s.cityEnterprises(), s.cityEnterpriseBranches());
        return rows.list;
    }

    private List<OrgRow> county(RandomGenerator random, String city, String county) {
        Rows rows = new Rows(random);
        Shape s = scale.shape;
        String place = city + county;
        int top = rows.add(new OrgRow(null, null, "LEADING_BODY", null, "PARTY_AND_GOVERNMENT", null,
                "共青团" + place + "委员会", "团" + county + "委", 0, null, 2, null));
        Set<String> streets = new HashSet<>();
        for (int i = 0; i < s.streets(); i++) {
            boolean urban = i % 2 == 0;
            String street = unique(streets, () -> Names.place(random) + (urban ? "街道" : "镇"));
            int body = rows.body(top, "WORK_COMMITTEE", urban ? "URBAN_COMMUNITY" : "RURAL", null,
                    place + street + "团工委", street + "团工委");
            Set<String> branches = new HashSet<>();
            for (int j = 0; j < s.streetBranches(); j++) {
                String branch = unique(branches, () -> Names.place(random) + (urban ? "社区" : "村"));
                rows.branch(body, null, urban ? "URBAN_COMMUNITY" : "RURAL", null, place + street + branch + "团支部",
                        branch + "团支部", AgeBand.YOUTH, 15);
            }
            rows.branch(body, "FLOATING", urban ? "URBAN_COMMUNITY" : "RURAL", null, place + street + "流动团支部",
                    street + "流动团支部", AgeBand.GRADUATES, 6);
            if (i % 3 == 0) {
                rows.branch(body, "SCHOOL_TO_SOCIETY_TEMPORARY", urban ? "URBAN_COMMUNITY" : "RURAL", null,
                        place + street + "学社衔接临时团支部", street + "学社衔接临时团支部", AgeBand.GRADUATES, 6);
            }
        }
        Set<String> schools = new HashSet<>();
        for (int k = 1; k <= s.seniorHighs(); k++) {
            String school = county + "第" + k + "中学";
            int body = rows.body(top, "COMMITTEE", "SCHOOL", "SENIOR_HIGH", city + school + "团委", school + "团委");
            for (int n = 0; n < s.seniorClasses(); n++) {
                String name = "高%s(%d)班团支部".formatted("一二三".charAt(n % 3), n / 3 + 1);
                rows.schoolClass(body, "SENIOR_HIGH", city + school + name, name, AgeBand.SENIOR_HIGH, 35,
                        schoolYearEnd + 2 - n % 3);
            }
            graduated(rows, body, "SENIOR_HIGH", city + school, "高三", s.seniorClasses(), AgeBand.SENIOR_HIGH, 35);
        }
        for (int k = 0; k < s.juniorHighs(); k++) {
            String school = unique(schools, () -> county + Names.place(random) + "初级中学");
            int body = rows.body(top, "COMMITTEE", "SCHOOL", "JUNIOR_HIGH", city + school + "团委", school + "团委");
            for (int n = 1; n <= s.juniorClasses(); n++) {
                String name = "初三(" + n + ")班团支部";
                rows.schoolClass(body, "JUNIOR_HIGH", city + school + name, name, AgeBand.JUNIOR_HIGH, 25,
                        schoolYearEnd);
            }
            graduated(rows, body, "JUNIOR_HIGH", city + school, "初三", s.juniorClasses(), AgeBand.JUNIOR_HIGH, 25);
        }
        for (int k = 0; k < s.vocationals(); k++) {
            String school = unique(schools, () -> county + Names.place(random) + "职业技术学校");
            int body = rows.body(top, "COMMITTEE", "SCHOOL", "VOCATIONAL", city + school + "团委", school + "团委");
            for (int n = 0; n < s.vocationalClasses(); n++) {
                int enrolled = firstGrade + 1 + n % 3;
                String name = "%d级%d班团支部".formatted(enrolled, n / 3 + 1);
                rows.schoolClass(body, "VOCATIONAL", city + school + name, name, AgeBand.VOCATIONAL, 30, enrolled + 3);
            }
            for (int n = 1; graduatedCohort && n <= graduatedClasses(s.vocationalClasses()); n++) {
                String name = "%d级%d班团支部".formatted(firstGrade, n);
                rows.schoolClass(body, "VOCATIONAL", city + school + name, name, AgeBand.VOCATIONAL, 30,
                        firstGrade + 3);
            }
        }
        for (int k = 0; k < s.primaries(); k++) {
            String school = unique(schools, () -> county + Names.place(random) + "小学");
            int body = rows.body(top, "GENERAL_BRANCH", "SCHOOL", "PRIMARY", city + school + "团总支", school + "团总支");
            rows.branch(body, null, "SCHOOL", "PRIMARY", city + school + "教师团支部", "教师团支部", AgeBand.YOUTH, 6);
        }
        Set<String> firms = new HashSet<>();
        for (int k = 0; k < s.privateEnterprises(); k++) {
            String firm = unique(firms, () -> county + Names.place(random)
                    + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "有限公司");
            int body = rows.body(top, "COMMITTEE", "PRIVATE_ENTERPRISE", null, city + firm + "团委", firm + "团委");
            numbered(rows, body, city + firm, "PRIVATE_ENTERPRISE", s.enterpriseBranches(), 10);
        }
        String park = county + Names.place(random) + "科技园";
        int parkBody = rows.body(top, "WORK_COMMITTEE", "PRIVATE_ENTERPRISE", null, city + park + "团工委",
                park + "团工委");
        rows.branch(parkBody, "SCHOOL_TO_SOCIETY_TEMPORARY", "PRIVATE_ENTERPRISE", null,
                city + park + "学社衔接临时团支部", "学社衔接临时团支部", AgeBand.GRADUATES, 6);
        Set<String> parkFirms = new HashSet<>();
        for (int k = 0; k < s.parkBranches(); k++) {
            String firm = unique(parkFirms, () -> Names.place(random) + INDUSTRIES[random.nextInt(INDUSTRIES.length)]
                    + "科技有限公司");
            rows.branch(parkBody, null, "PRIVATE_ENTERPRISE", null, city + park + firm + "团支部", firm + "团支部",
                    AgeBand.YOUTH, 8);
        }
        enterprises(rows, top, place, STATE_ENTERPRISES, s.stateEnterprises(), s.stateBranches());
        for (int k = 0; k < s.institutions(); k++) {
            String institution = place + INSTITUTIONS[k % INSTITUTIONS.length] + (k < INSTITUTIONS.length ? ""
                    : "第" + (k / INSTITUTIONS.length + 1) + "分部");
            int body = rows.body(top, "GENERAL_BRANCH", "PUBLIC_INSTITUTION", null, institution + "团总支",
                    institution.substring(place.length()) + "团总支");
            numbered(rows, body, institution, "PUBLIC_INSTITUTION", s.institutionBranches(), 8);
        }
        for (int k = 0; k < s.socialOrgs(); k++) {
            String society = place + SOCIAL[k % SOCIAL.length] + (k < SOCIAL.length ? "" : (k / SOCIAL.length + 1));
            int body = rows.body(top, "GENERAL_BRANCH", "SOCIAL_ORGANISATION", null, society + "团总支",
                    society.substring(place.length()) + "团总支");
            numbered(rows, body, society, "SOCIAL_ORGANISATION", s.socialBranches(), 5);
        }
        int organs = rows.body(top, "WORK_COMMITTEE", "OTHER", null, place + "直属机关团工委", "直属机关团工委");
        for (int k = 0; k < s.organBranches(); k++) {
            String organ = ORGANS[k % ORGANS.length] + (k < ORGANS.length ? "" : "第" + (k / ORGANS.length + 1));
            rows.branch(organs, null, "PUBLIC_INSTITUTION", null, place + organ + "团支部", organ + "团支部",
                    AgeBand.YOUTH, 10);
        }
        return rows.list;
    }

    /** From September on, some of the school's classes that graduated this June ("2026届高三(1)班团支部"). */
    private void graduated(Rows rows, int body, String level, String school, String grade, int classes,
                           AgeBand band, int fullBranch) {
        for (int n = 1; graduatedCohort && n <= graduatedClasses(classes); n++) {
            String name = "%d届%s(%d)班团支部".formatted(schoolYearEnd - 1, grade, n);
            rows.schoolClass(body, level, school + name, name, band, fullBranch, schoolYearEnd - 1);
        }
    }

    private static int graduatedClasses(int classes) {
        return Math.max(1, classes / 12);
    }

    private void enterprises(Rows rows, int top, String place, String[] names, int count, int branches) {
        for (int k = 0; k < count; k++) {
            String firm = place + names[k % names.length] + (k < names.length ? "" : (k / names.length + 1));
            int body = rows.body(top, "COMMITTEE", "STATE_ENTERPRISE", null, firm + "团委",
                    firm.substring(place.length()) + "团委");
            numbered(rows, body, firm, "STATE_ENTERPRISE", branches, 12);
        }
    }

    private static void numbered(Rows rows, int body, String owner, String domain, int count, int members) {
        for (int n = 1; n <= count; n++) {
            rows.branch(body, null, domain, null, owner + "第" + n + "团支部", "第" + n + "团支部", AgeBand.YOUTH, members);
        }
    }

    private static String unique(Set<String> used, Supplier<String> draw) {
        for (int i = 0; i < 50; i++) {
            String name = draw.get();
            if (used.add(name)) {
                return name;
            }
        }
        String name = draw.get();
        for (int n = 2; ; n++) {
            if (used.add(name + n)) {
                return name + n;
            }
        }
    }

    private RandomGenerator random(String provinceCode, int city, int county, int purpose) {
        long mixed = seed * 0x9E3779B97F4A7C15L + (scale == Scale.TOWN ? 0x5EED : 0);
        mixed = mixed * 31 + Integer.parseInt(provinceCode);
        mixed = mixed * 1_000_003 + city;
        mixed = mixed * 1_000_003 + county;
        mixed = mixed * 7 + purpose;
        return new SplittableRandom(mixed);
    }

    /** The rows of one request, with the people each gets drawn as it is added. */
    private final class Rows {

        final List<OrgRow> list = new ArrayList<>();
        final RandomGenerator random;

        Rows(RandomGenerator random) {
            this.random = random;
        }

        int add(OrgRow row) {
            list.add(row);
            return list.size() - 1;
        }

        int body(int parent, String type, String domain, String level, String fullName, String shortName) {
            return add(new OrgRow(null, parent, type, null, domain, level, fullName, shortName, 0, null, 2, null));
        }

        void branch(int parent, String kind, String domain, String level, String fullName, String shortName,
                    AgeBand band, int fullBranch) {
            branch(parent, kind, domain, level, fullName, shortName, band, fullBranch, null);
        }

        /**
         * A school's class branch, with the year it graduates, which its school marks; graduates once that year's
         * date has come.
         */
        void schoolClass(int parent, String level, String fullName, String shortName, AgeBand band, int fullBranch,
                         int graduationYear) {
            branch(parent, null, "SCHOOL", level, fullName, shortName,
                    graduationYear == graduatedYear ? band.graduatedOf() : band, fullBranch, graduationYear);
        }

        private void branch(int parent, String kind, String domain, String level, String fullName, String shortName,
                            AgeBand band, int fullBranch, Integer graduationYear) {
            double wanted = fullBranch * scale.peopleFactor * (0.5 + random.nextDouble());
            int members = (int) wanted + (random.nextDouble() < wanted - (int) wanted ? 1 : 0);
            int cadres = random.nextDouble() < scale.branchCadreShare ? 1 : 0;
            add(new OrgRow(null, parent, "BRANCH", kind, domain, level, fullName, shortName, members, band, cadres,
                    graduationYear));
        }
    }
}

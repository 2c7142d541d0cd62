package cn.league.org.school;

import cn.league.org.support.OrgApi;

/**
 * A district with two universities; the first has a college (a school-domain 团委) with two class branches.
 * Each test makes its own, so marks and codes never meet another test's.
 */
record SchoolTree(long district, long university, long college, long classA, long classB, long siblingUniversity) {

    static final String BEIJING_ADMIN = "110105199001014329";
    static final String TIANJIN_ADMIN = "11010119950315123X";
    static final String DISTRICT_ADMIN = "110101198801010031";
    static final String UNIVERSITY_ADMIN = "110101198801010058";
    static final String COLLEGE_ADMIN = "110101198801010074";
    static final String CLASS_ADMIN = "110101198801010090";
    static final String SIBLING_UNIVERSITY_ADMIN = "110101198801010111";
    static final long BEIJING = 2;
    static final long TIANJIN = 3;

    static SchoolTree create(OrgApi api) {
        api.makeAdmin(BEIJING_ADMIN, BEIJING);
        api.makeAdmin(TIANJIN_ADMIN, TIANJIN);
        long district = api.createChild(BEIJING_ADMIN, BEIJING, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团海淀区委");
        api.makeAdmin(DISTRICT_ADMIN, district);
        long university = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "SCHOOL", "UNIVERSITY", null, "某大学团委");
        api.makeAdmin(UNIVERSITY_ADMIN, university);
        long college = api.createChild(UNIVERSITY_ADMIN, university, "COMMITTEE", "SCHOOL", "UNIVERSITY", null,
                "某大学计算机学院团委");
        api.makeAdmin(COLLEGE_ADMIN, college);
        long classA = api.createChild(COLLEGE_ADMIN, college, "BRANCH", "SCHOOL", "UNIVERSITY", null, "计算机2023级1班团支部");
        long classB = api.createChild(COLLEGE_ADMIN, college, "BRANCH", "SCHOOL", "UNIVERSITY", null, "计算机2023级2班团支部");
        api.makeAdmin(CLASS_ADMIN, classA);
        long sibling = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "SCHOOL", "UNIVERSITY", null, "另一大学团委");
        api.makeAdmin(SIBLING_UNIVERSITY_ADMIN, sibling);
        return new SchoolTree(district, university, college, classA, classB, sibling);
    }
}

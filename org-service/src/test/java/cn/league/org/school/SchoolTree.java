package cn.league.org.school;

import cn.league.org.support.OrgApi;

import static cn.league.org.support.People.CLASS_ADMIN;
import static cn.league.org.support.People.COLLEGE_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_UNIVERSITY_ADMIN;
import static cn.league.org.support.People.TIANJIN;
import static cn.league.org.support.People.TIANJIN_ADMIN;
import static cn.league.org.support.People.UNIVERSITY_ADMIN;

/**
 * A district with two universities; the first has a college (a school-domain 团委) with two class branches.
 * Each test makes its own, so marks and codes never meet another test's. TIANJIN_ADMIN is made admin of 团天津市委.
 */
record SchoolTree(long district, long university, long college, long classA, long classB, long siblingUniversity) {

    static SchoolTree create(OrgApi api) {
        api.makeAdmin(TIANJIN_ADMIN, TIANJIN);
        long district = api.createDistrict("团海淀区委", DISTRICT_ADMIN);
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

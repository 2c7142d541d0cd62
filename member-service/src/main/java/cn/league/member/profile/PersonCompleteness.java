package cn.league.member.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import cn.league.contracts.org.OrgSnapshot;

import cn.league.member.entry.DevelopmentNumberRule;
import cn.league.member.entry.Xinjiang;
import cn.league.member.person.Person;

/**
 * R-MEM-6 (FAQ 17, 18): a person's info is complete when every required field is filled — name, ID
 * number, gender, ethnicity, political status, education, join date, the development number when
 * R-MEM-5 requires it, mobile, and for a cadre a post. ID verification plays no part.
 */
public final class PersonCompleteness {

    private PersonCompleteness() {
    }

    /**
     * The required fields left empty, in the words of the profile form; empty when complete.
     *
     * @param cadre            whether the person holds (or is listed as holding) a cadre post
     * @param postTitles       the titles of their posts
     * @param orgProvinceCodes the GB/T 2260 province codes of the orgs they are in (membership and posts)
     */
    public static List<String> missing(Person person, boolean cadre, Collection<String> postTitles,
                                       Collection<String> orgProvinceCodes) {
        List<String> missing = new ArrayList<>();
        if (blank(person.name())) {
            missing.add("姓名");
        }
        if (blank(person.idNumber())) {
            missing.add("身份证号码");
        }
        if (person.gender() == null) {
            missing.add("性别");
        }
        if (blank(person.ethnicity())) {
            missing.add("民族");
        }
        if (blank(person.politicalStatus())) {
            missing.add("政治面貌");
        }
        if (blank(person.education())) {
            missing.add("学历");
        }
        if (person.joinDate() == null) {
            missing.add("入团时间");
        }
        if (developmentNumberRequired(person.idNumber(), person.joinDate(), orgProvinceCodes)
                && blank(person.developmentNumber())) {
            missing.add("发展团员编号");
        }
        if (blank(person.mobile())) {
            missing.add("手机号码");
        }
        if (cadre && postTitles.stream().allMatch(PersonCompleteness::blank)) {
            missing.add("团干部职务");
        }
        return List.copyOf(missing);
    }

    /**
     * Whether a person just entered into {@code org} — as a member (no post title) or as a cadre with the post
     * {@code postTitle} — is complete: what PersonEntered tells the entry statistics (R-STAT-1).
     */
    public static boolean completeOnEntry(Person person, OrgSnapshot org, String postTitle) {
        return missing(person, postTitle != null, postTitle == null ? List.of() : List.of(postTitle),
                Stream.ofNullable(org.provinceCode()).toList()).isEmpty();
    }

    /**
     * R-MEM-5's requirement: joins on or after 2017-01-01 need a development number; in Xinjiang (province
     * 65 in the ID number or in the org) from 2016-01-01.
     */
    public static boolean developmentNumberRequired(String idNumber, LocalDate joinDate,
                                                    Collection<String> orgProvinceCodes) {
        return DevelopmentNumberRule.isRequired(joinDate, Xinjiang.applies(idNumber, orgProvinceCodes));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

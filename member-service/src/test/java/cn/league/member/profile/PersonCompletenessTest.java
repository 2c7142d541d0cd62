package cn.league.member.profile;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.member.idnumber.Gender;
import cn.league.member.person.Person;
import cn.league.member.person.Person.Verification;

import static org.assertj.core.api.Assertions.assertThat;

class PersonCompletenessTest {

    static Person person(String idNumber, LocalDate joinDate, String developmentNumber, String mobile,
                         Verification verification) {
        return new Person(idNumber, "张三", LocalDate.of(2000, 1, 1), Gender.MALE, "汉族", "共青团员", "本科",
                joinDate, developmentNumber, mobile, null, null, null, null, false, false, false, verification);
    }

    @Test
    @DisplayName("R-MEM-6 every required field filled is complete, whatever the ID check says (FAQ 17, 18)")
    void completeWithoutVerification() {
        for (Verification verification : Verification.values()) {
            Person person = person("110101200001011232", LocalDate.of(2016, 5, 4), null, "13800000000", verification);
            assertThat(PersonCompleteness.missing(person, false, List.of(), List.of("11"))).isEmpty();
        }
    }

    @Test
    @DisplayName("R-MEM-6 the missing fields come back in the form's words")
    void missingInChinese() {
        Person person = new Person("110101200001011232", " ", LocalDate.of(2000, 1, 1), null, null, "", null, null,
                null, null, null, null, null, null, false, false, false, Verification.PASSED);

        assertThat(PersonCompleteness.missing(person, false, List.of(), List.of()))
                .containsExactly("姓名", "性别", "民族", "政治面貌", "学历", "入团时间", "手机号码");
    }

    @Test
    @DisplayName("R-MEM-6 with R-MEM-5: the development number is required for joins from 2017-01-01, not before")
    void developmentNumberFrom2017() {
        assertThat(PersonCompleteness.missing(person("110101200001011232", LocalDate.of(2017, 1, 1), null,
                "13800000000", Verification.UNVERIFIED), false, List.of(), List.of("11"))).containsExactly("发展团员编号");
        assertThat(PersonCompleteness.missing(person("110101200001011232", LocalDate.of(2016, 12, 31), null,
                "13800000000", Verification.UNVERIFIED), false, List.of(), List.of("11"))).isEmpty();
        assertThat(PersonCompleteness.missing(person("110101200001011232", LocalDate.of(2019, 5, 4), "201911000001",
                "13800000000", Verification.UNVERIFIED), false, List.of(), List.of("11"))).isEmpty();
    }

    @Test
    @DisplayName("R-MEM-6 with R-MEM-5: in Xinjiang (ID region 65 or an org in province 65) from 2016-01-01")
    void xinjiangFrom2016() {
        LocalDate joined2016 = LocalDate.of(2016, 3, 1);
        Person xinjiangId = person("650102200001011234", joined2016, null, "13800000000", Verification.UNVERIFIED);
        Person otherId = person("110101200001011232", joined2016, null, "13800000000", Verification.UNVERIFIED);

        assertThat(PersonCompleteness.missing(xinjiangId, false, List.of(), List.of("11"))).containsExactly("发展团员编号");
        assertThat(PersonCompleteness.missing(otherId, false, List.of(), List.of("65"))).containsExactly("发展团员编号");
        assertThat(PersonCompleteness.missing(otherId, false, List.of(), List.of("11"))).isEmpty();
        Person xinjiang2015 = person("650102200001011234", LocalDate.of(2015, 12, 31), null, "13800000000",
                Verification.UNVERIFIED);
        assertThat(PersonCompleteness.missing(xinjiang2015, false, List.of(), List.of("65"))).isEmpty();
    }

    @Test
    @DisplayName("R-MEM-6 a cadre needs a post; a member does not")
    void cadreNeedsPost() {
        Person person = person("110101200001011232", LocalDate.of(2015, 5, 4), null, "13800000000",
                Verification.UNVERIFIED);

        assertThat(PersonCompleteness.missing(person, true, List.of(" "), List.of())).containsExactly("团干部职务");
        assertThat(PersonCompleteness.missing(person, true, List.of(), List.of())).containsExactly("团干部职务");
        assertThat(PersonCompleteness.missing(person, true, List.of("书记"), List.of())).isEmpty();
        assertThat(PersonCompleteness.missing(person, false, List.of(), List.of())).isEmpty();
    }
}

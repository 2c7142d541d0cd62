package cn.league.member.idnumber;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberRuleTest {

    // 2026-06-15, noon in Beijing
    private final IdNumberRule rule = new IdNumberRule(RegionCodes.gbt2260(),
            Clock.fixed(Instant.parse("2026-06-15T04:00:00Z"), IdNumberRule.CHINA));

    @Test
    @DisplayName("R-ID-4 a valid ID is accepted with its birth date, gender, region and province")
    void validIdAndWhatItStates() {
        IdNumber id = accepted("110105199001014329");

        assertThat(id.value()).isEqualTo("110105199001014329");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.regionCode()).isEqualTo(110105);
        assertThat(id.provinceCode()).isEqualTo(11);

        IdNumber xinjiang = accepted("650102200803150025");
        assertThat(xinjiang.provinceCode()).isEqualTo(65);
        assertThat(xinjiang.birthDate()).isEqualTo(LocalDate.of(2008, 3, 15));
        assertThat(xinjiang.gender()).isEqualTo(Gender.FEMALE);

        assertThat(accepted("110105199003075619").gender()).isEqualTo(Gender.MALE);
    }

    @Test
    @DisplayName("R-ID-4 a check digit X is accepted, and a lower-case x becomes X")
    void checkDigitX() {
        assertThat(accepted("11010519491231002X").value()).isEqualTo("11010519491231002X");
        IdNumber lower = accepted("11010519491231002x");
        assertThat(lower.value()).isEqualTo("11010519491231002X");
        assertThat(lower).isEqualTo(accepted("11010519491231002X"));
        assertThat(lower.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(lower.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    @DisplayName("R-ID-4 blanks around the number (spreadsheet cells) are ignored")
    void surroundingBlanks() {
        assertThat(accepted(" 11010519491231002x\t").value()).isEqualTo("11010519491231002X");
        assertThat(accepted("\u3000110105199001014329 ").value()).isEqualTo("110105199001014329");
    }

    @Test
    @DisplayName("R-ID-4 an ID with a region code abolished long ago is still valid (昌平县 110221, now 昌平区)")
    void abolishedRegionCode() {
        assertThat(RegionCodes.gbt2260().isAbolished(110221)).isTrue();
        IdNumber old = accepted("110221198506123011");
        assertThat(old.regionCode()).isEqualTo(110221);
        assertThat(old.gender()).isEqualTo(Gender.MALE);

        assertThat(RegionCodes.gbt2260().isAbolished(350427)).isTrue(); // 沙县, a district since 2021
        accepted("350427199507110026");
    }

    @Test
    @DisplayName("R-ID-4 a missing ID is refused")
    void missing() {
        assertThat(rule.check(null)).isEqualTo(IdNumberFault.MISSING);
        assertThat(rule.check("")).isEqualTo(IdNumberFault.MISSING);
        assertThat(rule.check(" \t ")).isEqualTo(IdNumberFault.MISSING);
    }

    @Test
    @DisplayName("R-ID-4 an ID that is not 18 characters long is refused: 身份证号码应为18位")
    void wrongLength() {
        assertThat(rule.check("11010519900101432")).isEqualTo(IdNumberFault.WRONG_LENGTH);
        assertThat(rule.check("1101051990010143290")).isEqualTo(IdNumberFault.WRONG_LENGTH);
        assertThat(rule.check("110105900101432")).isEqualTo(IdNumberFault.WRONG_LENGTH); // first-generation 15 digits
        assertThat(IdNumberFault.WRONG_LENGTH.message()).isEqualTo("身份证号码应为18位");
    }

    @Test
    @DisplayName("R-ID-4 an ID with anything but digits and a final X is refused: 身份证号码格式不正确")
    void notDigits() {
        assertThat(rule.check("11010519900101432A")).isEqualTo(IdNumberFault.BAD_FORMAT);
        assertThat(rule.check("1101051990010143X9")).isEqualTo(IdNumberFault.BAD_FORMAT);
        assertThat(rule.check("110105-99001014329")).isEqualTo(IdNumberFault.BAD_FORMAT);
        assertThat(rule.check("１10105199001014329")).isEqualTo(IdNumberFault.BAD_FORMAT); // full-width 1
        assertThat(rule.check("110105 99001014329")).isEqualTo(IdNumberFault.BAD_FORMAT);
        assertThat(IdNumberFault.BAD_FORMAT.message()).isEqualTo("身份证号码格式不正确");
    }

    @Test
    @DisplayName("R-ID-4 an ID whose check digit does not match is refused: 身份证号码校验位不正确")
    void wrongCheckDigit() {
        assertThat(rule.check("110105199001014328")).isEqualTo(IdNumberFault.BAD_CHECK_DIGIT);
        assertThat(rule.check("110105199001014320")).isEqualTo(IdNumberFault.BAD_CHECK_DIGIT);
        assertThat(rule.check("110105199001014324")).isEqualTo(IdNumberFault.BAD_CHECK_DIGIT);
        assertThat(rule.check("11010519900101432X")).isEqualTo(IdNumberFault.BAD_CHECK_DIGIT);
        assertThat(rule.check("110105199001015329")).isEqualTo(IdNumberFault.BAD_CHECK_DIGIT); // one digit mistyped
        assertThat(rule.check("110105199010014329")).isEqualTo(IdNumberFault.BAD_CHECK_DIGIT); // two digits swapped
        assertThat(IdNumberFault.BAD_CHECK_DIGIT.message()).isEqualTo("身份证号码校验位不正确");
    }

    @Test
    @DisplayName("R-ID-4 an ID born on a day that does not exist is refused: 身份证号码中的出生日期不正确")
    void notARealDate() {
        assertThat(rule.check("110105200102290010")).isEqualTo(IdNumberFault.BAD_BIRTH_DATE); // 2001 is not a leap year
        assertThat(accepted("110105200002290013").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(rule.check(withCheckDigit("11010519901301001"))).isEqualTo(IdNumberFault.BAD_BIRTH_DATE);
        assertThat(rule.check(withCheckDigit("11010519900431001"))).isEqualTo(IdNumberFault.BAD_BIRTH_DATE);
        assertThat(rule.check(withCheckDigit("11010519900100001"))).isEqualTo(IdNumberFault.BAD_BIRTH_DATE);
        assertThat(rule.check(withCheckDigit("11010519000229001"))).isEqualTo(IdNumberFault.BAD_BIRTH_DATE); // 1900: no
        assertThat(IdNumberFault.BAD_BIRTH_DATE.message()).isEqualTo("身份证号码中的出生日期不正确");
    }

    @Test
    @DisplayName("R-ID-4 an ID born in the future or before 1900 is refused")
    void outOfRangeBirthDate() {
        assertThat(rule.check("110105202606160016")).isEqualTo(IdNumberFault.BAD_BIRTH_DATE); // tomorrow
        assertThat(accepted("110105202606150010").birthDate()).isEqualTo(LocalDate.of(2026, 6, 15)); // today
        assertThat(rule.check("440524188001010014")).isEqualTo(IdNumberFault.BAD_BIRTH_DATE); // GB 11643's own 1880 example
        assertThat(accepted(withCheckDigit("11010519000101001")).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    @DisplayName("R-ID-4 the day boundary follows China time, not the server's")
    void todayInChinaTime() {
        // 2026-06-15T16:30Z is already 2026-06-16 in Beijing
        IdNumberRule lateEvening = new IdNumberRule(RegionCodes.gbt2260(),
                Clock.fixed(Instant.parse("2026-06-15T16:30:00Z"), IdNumberRule.CHINA));
        assertThat(lateEvening.check("110105202606160016")).isInstanceOf(IdNumber.class);
    }

    @Test
    @DisplayName("R-ID-4 an ID whose region code is not a GB/T 2260 code is refused: 身份证号码中的地区码不存在")
    void unknownRegion() {
        assertThat(rule.check("110199199001010010")).isEqualTo(IdNumberFault.UNKNOWN_REGION);
        assertThat(rule.check(withCheckDigit("99000019900101001"))).isEqualTo(IdNumberFault.UNKNOWN_REGION);
        assertThat(rule.check(withCheckDigit("00000019900101001"))).isEqualTo(IdNumberFault.UNKNOWN_REGION);
        // a development zone has a statistical code, but no GB/T 2260 code
        assertThat(rule.check(withCheckDigit("13017119900101001"))).isEqualTo(IdNumberFault.UNKNOWN_REGION);
        assertThat(IdNumberFault.UNKNOWN_REGION.message()).isEqualTo("身份证号码中的地区码不存在");
    }

    @Test
    @DisplayName("R-ID-4 the most specific reason wins: a wrong region is reported before a wrong check digit")
    void mostSpecificReason() {
        assertThat(rule.check("110199199001010011")).isEqualTo(IdNumberFault.UNKNOWN_REGION);
        assertThat(rule.check("110105200102290011")).isEqualTo(IdNumberFault.BAD_BIRTH_DATE);
    }

    @Test
    @DisplayName("R-ID-4 single-entry endpoints get a 422 problem ID_NUMBER_INVALID naming R-ID-4 and the reason")
    void throwingVariant() {
        assertThat(rule.require("11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> rule.require("110105199001014328"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.code()).isEqualTo("ID_NUMBER_INVALID");
                    assertThat(problem.rule()).isEqualTo("R-ID-4");
                    assertThat(problem.detail()).isEqualTo("身份证号码校验位不正确");
                });
        assertThatThrownBy(() -> rule.require("1101051990")).hasMessage("身份证号码应为18位");
    }

    @Test
    @DisplayName("R-ID-4 every reason has its own stable code for the bulk path's row outcomes")
    void stableReasonCodes() {
        assertThat(IdNumberFault.values()).extracting(IdNumberFault::code).containsExactly(
                "ID_NUMBER_MISSING", "ID_NUMBER_LENGTH", "ID_NUMBER_FORMAT", "ID_NUMBER_REGION",
                "ID_NUMBER_BIRTH_DATE", "ID_NUMBER_CHECK_DIGIT");
        assertThat(IdNumberFault.values()).extracting(IdNumberFault::message).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("R-ID-4 an ID number prints masked, so logs do not leak it")
    void maskedInLogs() {
        assertThat(accepted("110105199001014329")).hasToString("110105********4329");
    }

    private IdNumber accepted(String raw) {
        IdNumberCheck check = rule.check(raw);
        assertThat(check).as(raw).isInstanceOf(IdNumber.class);
        return (IdNumber) check;
    }

    /** Completes 17 digits with the right GB 11643 check character, so only the part under test is wrong. */
    static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}

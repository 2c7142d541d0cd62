package cn.league.keycloak.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitialPasswordTest {

    @Test
    @DisplayName("R-AUTH-2 the initial password is the last 8 characters of the ID number")
    void lastEight() {
        assertThat(InitialPassword.of("110105200401011234")).isEqualTo("01011234");
        assertThat(InitialPassword.matches("110105200401011234", "01011234")).isTrue();
    }

    @Test
    @DisplayName("R-AUTH-2 an ID ending in X, handed over by Keycloak as x, has an initial password ending in upper-case X")
    void finalXIsUpperCase() {
        assertThat(InitialPassword.of("11010520040101123x")).isEqualTo("0101123X");
        assertThat(InitialPassword.matches("11010520040101123x", "0101123X")).isTrue();
        assertThat(InitialPassword.matches("11010520040101123X", "0101123x")).isFalse();
    }

    @Test
    @DisplayName("R-AUTH-2 anything else is not the initial password")
    void othersFail() {
        assertThat(InitialPassword.matches("110105200401011234", "1011234")).isFalse();
        assertThat(InitialPassword.matches("110105200401011234", "001011234")).isFalse();
        assertThat(InitialPassword.matches("110105200401011234", " 01011234")).isFalse();
        assertThat(InitialPassword.matches("110105200401011234", "110105200401011234")).isFalse();
        assertThat(InitialPassword.matches("110105200401011234", "")).isFalse();
        assertThat(InitialPassword.matches("110105200401011234", null)).isFalse();
    }

    @Test
    @DisplayName("R-AUTH-1 only an ID number has an initial password: other login names never match")
    void onlyIdNumbers() {
        assertThat(InitialPassword.matches("admin", "admin")).isFalse();
        assertThat(InitialPassword.matches("service-account-league-account-lookup", "t-lookup")).isFalse();
        assertThat(InitialPassword.matches("1101052004010112345", "12345")).isFalse();
        assertThatThrownBy(() -> InitialPassword.of("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-AUTH-1 a login name is looked up only when it has the shape of an ID number, in either case")
    void idNumberShape() {
        assertThat(IdNumberShape.matches("110105200401011234")).isTrue();
        assertThat(IdNumberShape.matches("11010520040101123x")).isTrue();
        assertThat(IdNumberShape.matches("11010520040101123X")).isTrue();
        assertThat(IdNumberShape.matches("11010520040101123")).isFalse();
        assertThat(IdNumberShape.matches("1101052004010112345")).isFalse();
        assertThat(IdNumberShape.matches("11010520040101123Y")).isFalse();
        assertThat(IdNumberShape.matches("../../admin/realms")).isFalse();
        assertThat(IdNumberShape.matches(null)).isFalse();
    }
}

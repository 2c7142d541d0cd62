package cn.league.keycloak.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How member-service's answer becomes what Keycloak keeps (R-AUTH-2). */
class MemberAccountTest {

    @Test
    @DisplayName("R-AUTH-2 a person who may log in: Keycloak's login name is the ID in lower case, the name is shown")
    void active() {
        MemberAccount account = MemberAccount.fromJson("""
                {"idNumber":"11010520040101123X","exists":true,"mayLogIn":true,"name":"王晓"}""");

        assertThat(account.mayLogIn()).isTrue();
        assertThat(account.username()).isEqualTo("11010520040101123x");
        assertThat(account.displayName()).isEqualTo("王晓");
    }

    @Test
    @DisplayName("R-MEM-8 R-AUTH-2 a deleted person exists but may not log in, and no name is kept")
    void deleted() {
        MemberAccount account = MemberAccount.fromJson("""
                {"idNumber":"110105200401011234","exists":true,"mayLogIn":false,"name":null}""");

        assertThat(account.exists()).isTrue();
        assertThat(account.mayLogIn()).isFalse();
        assertThat(account.displayName()).isNull();
    }

    @Test
    @DisplayName("R-AUTH-2 an unknown ID number may not log in; fields member-service adds later are ignored")
    void unknown() {
        MemberAccount account = MemberAccount.fromJson("""
                {"idNumber":"110105200401011234","exists":false,"mayLogIn":false,"org":"later"}""");

        assertThat(account.exists()).isFalse();
        assertThat(account.mayLogIn()).isFalse();
    }

    @Test
    @DisplayName("R-AUTH-2 an answer that is not about an ID number is an error, never a person")
    void malformed() {
        assertThatThrownBy(() -> MemberAccount.fromJson("{\"exists\":true,\"mayLogIn\":true}"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MemberAccount.fromJson("<html>502</html>"))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}

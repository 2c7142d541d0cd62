package cn.league.member.search;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchRulesTest {

    @Test
    @DisplayName("R-SCOPE-1 R-SRCH-1 a search looks in the administered subtrees, nested ones once")
    void administeredSubtrees() {
        assertThat(SearchScope.subtrees(List.of("1.5.23", "1.5", "1.7.40"), null)).containsExactly("1.5", "1.7.40");
    }

    @Test
    @DisplayName("R-SCOPE-1 R-SRCH-1 narrowing to an org below the admin's keeps only that org's subtree")
    void narrowBelow() {
        assertThat(SearchScope.subtrees(List.of("1.5"), "1.5.23.99")).containsExactly("1.5.23.99");
    }

    @Test
    @DisplayName("R-SCOPE-1 R-SRCH-1 narrowing to an org above the admin's keeps the admin's own subtree only")
    void narrowAbove() {
        assertThat(SearchScope.subtrees(List.of("1.5.23", "1.7"), "1.5")).containsExactly("1.5.23");
    }

    @Test
    @DisplayName("R-SRCH-1 narrowing to a province: 团中央's subtree becomes the province's tree, a subtree inside the "
            + "province stays, one in another province or on a look-alike path is left out")
    void narrowToProvince() {
        assertThat(SearchScope.within(List.of("1"), List.of("1.32"))).containsExactly("1.32");
        assertThat(SearchScope.within(List.of("1.32.5.9", "1.33.4"), List.of("1.32"))).containsExactly("1.32.5.9");
        assertThat(SearchScope.within(List.of("1.11", "1.44"), List.of("1.44"))).containsExactly("1.44");
        assertThat(SearchScope.within(List.of("1.3"), List.of("1.32"))).isEmpty();
        assertThat(SearchScope.within(List.of("1"), List.of())).as("no org has that code").isEmpty();
    }

    @Test
    @DisplayName("R-SCOPE-1 R-SRCH-1 narrowing to a sibling or a look-alike path finds nothing")
    void narrowBeside() {
        assertThat(SearchScope.subtrees(List.of("1.5"), "1.6.23")).isEmpty();
        assertThat(SearchScope.subtrees(List.of("1.5"), "1.55")).isEmpty();
        assertThat(SearchScope.isWithin("1.55", "1.5")).isFalse();
    }

    @Test
    @DisplayName("R-SRCH-1 one or two characters match as a name prefix, three or more anywhere in the name")
    void nameStrategy() {
        NameQuery twoCharacters = NameQuery.of(" 张伟 ");
        assertThat(twoCharacters.anywhere()).isFalse();
        assertThat(twoCharacters.text()).isEqualTo("张伟");
        assertThat(twoCharacters.prefixEnd()).isEqualTo("张传");
        NameQuery three = NameQuery.of("阳小明");
        assertThat(three.anywhere()).isTrue();
        assertThat(three.pattern()).isEqualTo("%阳小明%");
        assertThat(NameQuery.of("a_%b").pattern()).isEqualTo("%a\\_\\%b%");
        assertThat("张伟强".compareTo(twoCharacters.text()) >= 0 && "张伟强".compareTo(twoCharacters.prefixEnd()) < 0)
                .isTrue();
    }

    @Test
    @DisplayName("R-SRCH-1 an empty name is refused with the search's own words")
    void emptyName() {
        assertThatThrownBy(() -> NameQuery.of("  ")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.code()).isEqualTo("SEARCH_TERM_REQUIRED"));
    }

    @Test
    @DisplayName("R-SRCH-1 a page cursor round-trips and carries no ID number; a broken one is refused")
    void cursor() {
        SearchCursor cursor = new SearchCursor("王芳", 42);
        assertThat(SearchCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(SearchCursor.decode(" ")).isNull();
        assertThatThrownBy(() -> SearchCursor.decode("!!")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.code()).isEqualTo("BAD_CURSOR"));
    }
}

package cn.league.member.bulk;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.member.entry.EntryViolation;

import static org.assertj.core.api.Assertions.assertThat;

class BatchDuplicatesTest {

    @Test
    @DisplayName("R-IMP-3 the same ID number twice in a file refuses both rows, whatever the case and blanks")
    void sameIdTwice() {
        var found = BatchDuplicates.find(new int[] {2, 3, 4}, List.of("11010120000101123x", "A", " 11010120000101123X "),
                Arrays.asList(null, null, null));

        assertThat(found).containsOnlyKeys(0, 2);
        assertThat(found.get(0)).extracting(EntryViolation::code).containsExactly("DUPLICATE_ID_IN_FILE");
        assertThat(found.get(0).getFirst().message()).isEqualTo("身份证号在本文件中重复(与第4行相同)");
        assertThat(found.get(2).getFirst().message()).isEqualTo("身份证号在本文件中重复(与第2行相同)");
        assertThat(found.get(2).getFirst().rule()).isEqualTo("R-IMP-3");
    }

    @Test
    @DisplayName("R-IMP-3 the same development number in two rows refuses both; blank numbers are no duplicates")
    void sameDevelopmentNumberTwice() {
        var found = BatchDuplicates.find(new int[] {10, 11, 12, 13}, List.of("a", "b", "c", "d"),
                Arrays.asList("202011000001", "", "202011000001\u3000", null));

        assertThat(found).containsOnlyKeys(0, 2);
        assertThat(found.get(0)).extracting(EntryViolation::code)
                .containsExactly("DUPLICATE_DEVELOPMENT_NUMBER_IN_FILE");
        assertThat(found.get(0).getFirst().message()).isEqualTo("发展团员编号在本文件中重复(与第12行相同)");
    }

    @Test
    @DisplayName("R-IMP-3 a row duplicated three times names the other two; a row can be both kinds of duplicate")
    void severalAndBothKinds() {
        var found = BatchDuplicates.find(new int[] {1, 2, 3}, List.of("x", "x", "x"),
                List.of("202011000001", "202011000001", "202011000002"));

        assertThat(found.get(0).getFirst().message()).isEqualTo("身份证号在本文件中重复(与第2、3行相同)");
        assertThat(found.get(1)).extracting(EntryViolation::code)
                .containsExactly("DUPLICATE_ID_IN_FILE", "DUPLICATE_DEVELOPMENT_NUMBER_IN_FILE");
        assertThat(found.get(2)).extracting(EntryViolation::code).containsExactly("DUPLICATE_ID_IN_FILE");
    }
}

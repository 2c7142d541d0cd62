package cn.league.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/rules.md stays true to the repository: each rule either names the code that enforces it and the tests that
 * prove it, or says it is planned, and no test proves a rule the page does not know of.
 */
class RulesDocumentTest {

    static final Path ROOT = Path.of(Objects.requireNonNull(System.getProperty("league.root"),
            "system property league.root (the repository root) is set by this module's surefire configuration"))
            .toAbsolutePath().normalize();

    @Test
    @DisplayName("every rule section has its FAQ line and both lists or the not-implemented status; ids have no gaps; "
            + "the summary counts them")
    void sectionsHaveTheirLayout() {
        RulesDocument rules = RulesDocument.read(ROOT);

        assertThat(rules.rules()).isNotEmpty();
        assertThat(rules.layoutProblems()).isEmpty();
        assertThat(rules.summaryProblems()).isEmpty();
    }

    @Test
    @DisplayName("every listed file exists, and every test listed as proof names its rule")
    void listedFilesExistAndProve() {
        assertThat(RulesDocument.read(ROOT).fileProblems(ROOT)).isEmpty();
    }

    @Test
    @DisplayName("every rule id a test names has a section, and that section does not call it planned")
    void everyRuleATestNamesIsDocumented() {
        assertThat(RulesDocument.namedInTests(ROOT)).isNotEmpty();
        assertThat(RulesDocument.read(ROOT).coverageProblems(ROOT)).isEmpty();
    }

    @Test
    @DisplayName("the checks find each kind of fault in a repository made for the purpose")
    void findsEachFault(@TempDir Path repository) throws IOException {
        String documented = id("AAA", 1);
        String gap = id("AAA", 3);
        String unimplemented = id("BBB", 1);
        String undocumented = id("CCC", 1);
        write(repository.resolve("m/src/main/java/Rule.java"), "class Rule {}");
        write(repository.resolve("m/src/test/java/RuleTest.java"),
                "class RuleTest { // " + documented + " " + unimplemented + " " + undocumented + " }");
        write(repository.resolve("p/n/src/test/java/OtherTest.java"), "class OtherTest {}");
        write(repository.resolve(RulesDocument.PATH), String.join("\n",
                "# Rules",
                "## Family",
                "### " + documented + " · Documented",
                "FAQ 1. Enforced by a missing class and proven by a test that does not name it.",
                "- Enforced by: `m/src/main/java/Rule.java`, `m/src/main/java/Gone.java`",
                "- Proven by: `m/src/test/java/RuleTest.java`, `p/n/src/test/java/OtherTest.java`",
                "### " + gap + " · Without lists",
                "Lists nothing.",
                "### " + unimplemented + " · Said to be missing",
                "FAQ 2. A test names it all the same.",
                "- Status: " + RulesDocument.PLANNED,
                ""));

        RulesDocument rules = RulesDocument.read(repository);

        assertThat(rules.layoutProblems()).containsExactlyInAnyOrder(
                gap + ": the text does not start with its FAQ question(s) ('FAQ n.' or 'No FAQ question')",
                gap + ": needs both 'Enforced by' and 'Proven by' with files, or 'Status: "
                        + RulesDocument.PLANNED + "'",
                id("AAA", 2) + " is missing between its neighbours");
        assertThat(rules.summaryProblems()).singleElement().asString().startsWith("the summary 'Today");
        assertThat(rules.fileProblems(repository)).containsExactlyInAnyOrder(
                documented + ": enforced by m/src/main/java/Gone.java, which does not exist",
                documented + ": proven by p/n/src/test/java/OtherTest.java, which does not name " + documented);
        assertThat(rules.coverageProblems(repository)).containsExactlyInAnyOrder(
                unimplemented + " is marked '" + RulesDocument.PLANNED
                        + "' but [m/src/test/java/RuleTest.java] name it: list what enforces and proves it",
                undocumented + " is named in [m/src/test/java/RuleTest.java] but has no section in "
                        + RulesDocument.PATH);
    }

    /** Made up from parts, so that this file names no rule itself. */
    private static String id(String family, int number) {
        return "R-" + family + "-" + number;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

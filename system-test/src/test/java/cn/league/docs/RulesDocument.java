package cn.league.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code docs/rules.md} read as data: one section per rule id, with the files that enforce and prove it, checked
 * against the repository. Every check returns its problems as sentences, so one run names all of them.
 */
final class RulesDocument {

    static final String PATH = "docs/rules.md";
    static final String PLANNED = "planned";

    private static final Pattern RULE_ID = Pattern.compile("R-[A-Z]+-[0-9]+");
    private static final Pattern HEADING = Pattern.compile("### (R-([A-Z]+)-([0-9]+)) · \\S.*");
    private static final Pattern SOURCE = Pattern.compile("(FAQ [0-9]|No (single )?FAQ question).*");
    private static final Pattern ITEM = Pattern.compile("- (Enforced by|Proven by|Status|Not yet): (.*)");
    private static final Pattern FILE = Pattern.compile("`([^`]+)`");
    private static final Pattern SUMMARY = Pattern.compile(
            "Today [0-9]+ of the [0-9]+ rules are implemented and proven; [0-9]+ (are|is) planned( \\([^)]*\\))?");
    private static final Set<String> TEXT_FILES = Set.of("java", "kt", "properties", "yml", "yaml", "json", "sql",
            "xml", "txt", "md", "csv");

    /**
     * One rule's section.
     *
     * @param family     e.g. TR for a transfer rule
     * @param enforcedBy main source files, empty while the rule is planned
     * @param provenBy   test files, empty while the rule is planned
     * @param status     null for an implemented rule
     * @param layout     what is wrong with the section's form
     */
    record Rule(String id, String family, int number, List<String> enforcedBy, List<String> provenBy, String status,
                List<String> layout) {

        boolean implemented() {
            return status == null;
        }
    }

    private final List<Rule> rules;
    private final List<String> layout;
    private final String text;

    private RulesDocument(List<Rule> rules, List<String> layout, String text) {
        this.rules = List.copyOf(rules);
        this.layout = List.copyOf(layout);
        this.text = text;
    }

    static RulesDocument read(Path root) {
        try {
            return parse(Files.readString(root.resolve(PATH), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(PATH + " cannot be read under " + root, unreadable);
        }
    }

    static RulesDocument parse(String markdown) {
        List<Rule> rules = new ArrayList<>();
        List<String> layout = new ArrayList<>();
        List<String> section = null;
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("#")) {
                if (section != null) {
                    rules.add(rule(section));
                    section = null;
                }
                if (line.startsWith("### ")) {
                    if (HEADING.matcher(line).matches()) {
                        section = new ArrayList<>();
                    } else {
                        layout.add("heading '" + line + "' is not '### <rule id> · <title>'");
                        continue;
                    }
                }
            }
            if (section != null) {
                section.add(line);
            }
        }
        if (section != null) {
            rules.add(rule(section));
        }
        return new RulesDocument(rules, layout, markdown);
    }

    private static Rule rule(List<String> lines) {
        Matcher heading = HEADING.matcher(lines.getFirst());
        if (!heading.matches()) {
            throw new IllegalArgumentException("not a rule heading: " + lines.getFirst());
        }
        String id = heading.group(1);
        List<String> layout = new ArrayList<>();
        List<String> enforcedBy = null;
        List<String> provenBy = null;
        String status = null;
        boolean notYet = false;
        String source = lines.stream().skip(1).filter(line -> !line.isBlank()).findFirst().orElse("");
        if (!SOURCE.matcher(source).matches()) {
            layout.add(id + ": the text does not start with its FAQ question(s) ('FAQ n.' or 'No FAQ question')");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("- ")) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (!item.matches()) {
                layout.add(id + ": unknown item '" + line + "'");
                continue;
            }
            switch (item.group(1)) {
                case "Enforced by" -> enforcedBy = files(id, item.group(2), layout);
                case "Proven by" -> provenBy = files(id, item.group(2), layout);
                case "Status" -> status = item.group(2).strip();
                default -> notYet = true;
            }
        }
        if (status != null) {
            if (!status.equals(PLANNED)) {
                layout.add(id + ": the only status is '" + PLANNED + "', not '" + status + "'");
            }
            if (enforcedBy != null || provenBy != null || notYet) {
                layout.add(id + ": a planned rule lists no files and has no 'Not yet' line");
            }
        } else if (enforcedBy == null || provenBy == null || enforcedBy.isEmpty() || provenBy.isEmpty()) {
            layout.add(id + ": needs both 'Enforced by' and 'Proven by' with files, or 'Status: " + PLANNED
                    + "'");
        }
        return new Rule(id, heading.group(2), Integer.parseInt(heading.group(3)),
                enforcedBy == null ? List.of() : enforcedBy, provenBy == null ? List.of() : provenBy, status, layout);
    }

    /** The backquoted paths of a list, which holds nothing else. */
    private static List<String> files(String id, String list, List<String> layout) {
        List<String> files = new ArrayList<>();
        Matcher file = FILE.matcher(list);
        while (file.find()) {
            files.add(file.group(1));
        }
        if (!FILE.matcher(list).replaceAll("").replaceAll("[,\\s]", "").isEmpty()) {
            layout.add(id + ": a list holds `repository/relative/paths` separated by commas, not '" + list + "'");
        }
        return files;
    }

    List<Rule> rules() {
        return rules;
    }

    /** The form of every section, and ids that are doubled or leave a gap in their family's numbers. */
    List<String> layoutProblems() {
        List<String> problems = new ArrayList<>(layout);
        rules.forEach(rule -> problems.addAll(rule.layout()));
        Map<String, TreeSet<Integer>> numbers = new TreeMap<>();
        for (Rule rule : rules) {
            if (!numbers.computeIfAbsent(rule.family(), family -> new TreeSet<>()).add(rule.number())) {
                problems.add(rule.id() + " has two sections");
            }
        }
        numbers.forEach((family, taken) -> {
            for (int number = 1; number <= taken.last(); number++) {
                if (!taken.contains(number)) {
                    problems.add("R-" + family + "-" + number + " is missing between its neighbours");
                }
            }
        });
        return problems;
    }

    /** The page's summary sentence counts the sections as they are and names the planned rules. */
    List<String> summaryProblems() {
        Matcher summary = SUMMARY.matcher(text.replaceAll("\\s+", " "));
        if (!summary.find()) {
            return List.of("the summary 'Today <n> of the <m> rules are implemented and proven; <k> are planned"
                    + " (<ids>)' is missing");
        }
        List<String> planned = rules.stream().filter(rule -> !rule.implemented()).map(Rule::id).toList();
        String actual = "Today " + (rules.size() - planned.size()) + " of the " + rules.size()
                + " rules are implemented and proven; " + planned.size() + (planned.size() == 1 ? " is" : " are")
                + " planned" + (planned.isEmpty() ? "" : " (" + String.join(", ", planned) + ")");
        return summary.group().equals(actual) ? List.of() : List.of("the summary says '" + summary.group()
                + "', the sections say '" + actual + "'");
    }

    /**
     * Every listed file exists where a list says: enforcing files are main sources (or deployment files), proving
     * files are test sources that name the rule.
     */
    List<String> fileProblems(Path root) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            for (String file : rule.enforcedBy()) {
                if (!file.contains("/src/main/") && !file.startsWith("deploy/")) {
                    problems.add(rule.id() + ": enforced by " + file + ", which is no main source");
                } else if (!Files.isRegularFile(root.resolve(file))) {
                    problems.add(rule.id() + ": enforced by " + file + ", which does not exist");
                }
            }
            for (String file : rule.provenBy()) {
                if (!file.contains("/src/test/")) {
                    problems.add(rule.id() + ": proven by " + file + ", which is no test source");
                } else if (!Files.isRegularFile(root.resolve(file))) {
                    problems.add(rule.id() + ": proven by " + file + ", which does not exist");
                } else if (!idsIn(root.resolve(file)).contains(rule.id())) {
                    problems.add(rule.id() + ": proven by " + file + ", which does not name " + rule.id());
                }
            }
        }
        return problems;
    }

    /** Each rule id a test names is documented here, and listed as implemented. */
    List<String> coverageProblems(Path root) {
        Map<String, Rule> byId = new TreeMap<>();
        rules.forEach(rule -> byId.put(rule.id(), rule));
        List<String> problems = new ArrayList<>();
        namedInTests(root).forEach((id, tests) -> {
            Rule rule = byId.get(id);
            if (rule == null) {
                problems.add(id + " is named in " + tests + " but has no section in " + PATH);
            } else if (!rule.implemented()) {
                problems.add(id + " is marked '" + PLANNED + "' but " + tests
                        + " name it: list what enforces and proves it");
            }
        });
        return problems;
    }

    /** Rule id → the test files (relative to the root) that name it. */
    static Map<String, Set<String>> namedInTests(Path root) {
        Map<String, Set<String>> named = new TreeMap<>();
        for (Path file : testFiles(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            idsIn(file).forEach(id -> named.computeIfAbsent(id, key -> new TreeSet<>()).add(relative));
        }
        return named;
    }

    /** The text files under {@code <dir>/src/test} and {@code <dir>/<dir>/src/test}, hidden folders left out. */
    private static List<Path> testFiles(Path root) {
        List<Path> files = new ArrayList<>();
        for (Path module : folders(root)) {
            addTestFiles(module.resolve("src/test"), files);
            if (!module.getFileName().toString().equals("target")) {
                for (Path nested : folders(module)) {
                    addTestFiles(nested.resolve("src/test"), files);
                }
            }
        }
        return files;
    }

    private static List<Path> folders(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void addTestFiles(Path testTree, List<Path> files) {
        if (!Files.isDirectory(testTree)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(testTree)) {
            walk.filter(Files::isRegularFile).filter(RulesDocument::isText).sorted().forEach(files::add);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT_FILES.contains(name.substring(dot + 1));
    }

    private static Set<String> idsIn(Path file) {
        try {
            Set<String> ids = new TreeSet<>();
            Matcher id = RULE_ID.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (id.find()) {
                ids.add(id.group());
            }
            return ids;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

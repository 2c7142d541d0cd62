package cn.league.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.league.test.BenchFigure;
import cn.league.test.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 10 on a whole stack of its own ({@code ./league up} at the port offset): 1,000,000 people present
 * (COPY), then in one run
 * <ol>
 * <li>the peer: member-service's bulk path through the gateway, 4 clients × 5,000 rows, the same number of rows
 * (5 % invalid) as the import, until every row is answered and member-service's outbox is empty (every event
 * relayed);</li>
 * <li>a generated 200,000-row .xlsx of the template (5 % invalid rows of every kind: ID check digit, region,
 * development number missing, of another year, of the wrong length, not digits, taken, ID registered, too old, too
 * young at joining, a committee as branch, an unknown branch, an unknown 人员类型, an unreadable date, an ID and a
 * development number twice in the file) uploaded through the gateway until every row is stored, member-service's
 * outbox is empty and the failure workbook is downloaded;</li>
 * <li>the peer again, as many other rows: the import is held against both bulk phases together (the rows of both
 * over the time of both), so that what drifts along the run — bigger tables, autovacuum, other work on the machine —
 * weighs on the peer as on the import;</li>
 * <li>a plain COPY of as many valid rows into member-service's tables (the limit);</li>
 * <li>a 65,000-row .xls the same way as the .xlsx;</li>
 * <li>POI's whole-workbook load (XSSFWorkbook / HSSFWorkbook) of both files in this JVM: its peak heap and time.</li>
 * </ol>
 * Each phase starts once the stack has worked off what the phases before it left behind (verification, statistics),
 * and the stack's JVMs run with both JIT tiers as in production. import-service runs as its own process at
 * {@code -Xmx512m} (the stack's own replica is stopped): its peak heap
 * (the largest heap before a collection, from its GC log) and peak RSS (VmHWM) are printed, and the CPU each part of
 * the stack used per 1,000 rows in each phase. Prints BENCH lines with the ratios (import ÷ bulk path, goal ≥ 90 %;
 * absolute goal ≥ 20,000 rows/s), records the key figures with the COPY as limit and the bulk path as peer
 * ({@link BenchFigure}) and checks its counts: failed rows = invalid rows generated.
 * <pre>
 * ./mvnw -B -o -pl system-test -am -Pbenchmark verify -Dtest=ImportFlowBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DskipITs -Dleague.system-test.port-offset=4000 [-Dbenchmark.people=1000000] [-Dbenchmark.xlsx-rows=200000] \
 *     [-Dbenchmark.xls-rows=65000]
 * </pre>
 */
@Tag("benchmark")
class ImportFlowBenchmark {

    private static final int PEOPLE = Integer.getInteger("benchmark.people", 1_000_000);
    private static final int XLSX_ROWS = Integer.getInteger("benchmark.xlsx-rows", 200_000);
    private static final int XLS_ROWS = Integer.getInteger("benchmark.xls-rows", 65_000);
    private static final int WARM_UP_ROWS = Integer.getInteger("benchmark.warm-up-rows", 20_000);
    private static final int BULK_BATCH = 5_000;
    private static final int BULK_CLIENTS = 4;
    private static final String IMPORT_JAVA_OPTS = System.getProperty("benchmark.import-java-opts",
            "-Xms64m -Xmx512m -XX:+UseSerialGC -Xss512k");
    private static final int IMPORT_PORT = 8084 + LeagueStack.OFFSET;
    /** The stack's JVMs as in production (the chart's images): both JIT tiers, unlike ./league up's quick-start C1. */
    private static final String STACK_JAVA_OPTS = "-Xms64m -Xmx384m -XX:+UseSerialGC -Xss512k";
    /** Cores the whole stack may keep busy and still count as quiet (schedulers, pollers, consumers at rest). */
    private static final double QUIET_CORES = Double.parseDouble(System.getProperty("benchmark.quiet-cores", "0.25"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The kinds of invalid row, in turn on every 20th row (row i with i % 20 == 7). */
    private static final int KINDS = 16;

    private static Process importService;
    private static Path gcLog;
    private static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void up() throws Exception {
        if (System.getProperty("league.java-opts") == null) {
            System.setProperty("league.java-opts", STACK_JAVA_OPTS);
        }
        LeagueStack.league(Duration.ofMinutes(2), "down");
        LeagueStack.forgetState();
        LeagueStack.Result up = LeagueStack.league(Duration.ofMinutes(15), "up");
        assertThat(up.exitCode()).as("./league up:\n%s", up.output()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        if (importService != null) {
            importService.destroy();
            importService.waitFor();
        }
        LeagueStack.league(Duration.ofMinutes(3), "down");
    }

    /** The orgs the rows name, and how they are written in the file. */
    record Orgs(long company, long community, long committee) {
    }

    @Test
    void importAgainstTheBulkPath() throws Exception {
        Orgs orgs = new Orgs(awaitOrg("某科技有限公司团支部"), awaitOrg("转塘街道某社区团支部"), awaitOrg("西湖科创园团工委"));
        startImportService();
        generatePeople(orgs.community());
        AdminTokens admin = new AdminTokens(LeagueStack.DEMO_ADMIN_ID);
        line("== import flow benchmark (issue 11 item 10): stack at port offset %d, %d cores, import-service %s ==",
                LeagueStack.OFFSET, Runtime.getRuntime().availableProcessors(), IMPORT_JAVA_OPTS);

        // the peer: the bulk path through the gateway, after a warm-up of its own
        bulk(new Rows("110108", 2019, 500_000, orgs), WARM_UP_ROWS, admin, "bulk path warm-up (not counted)");
        Phase bulk = bulk(new Rows("110101", 2019, 0, orgs), XLSX_ROWS, admin, "bulk path");

        // the import of the .xlsx, after a warm-up import of its own
        byte[] xlsxTemplate = download("/api/imports/templates/subordinate-members.xlsx", admin);
        Path warmUp = workbook(xlsxTemplate, false, new Rows("110109", 2021, 500_000, orgs), WARM_UP_ROWS);
        upload(warmUp, "名单.xlsx", admin, WARM_UP_ROWS, "import warm-up .xlsx (not counted)");
        Rows xlsxRows = new Rows("110102", 2020, 0, orgs);
        Path xlsx = workbook(xlsxTemplate, false, xlsxRows, XLSX_ROWS);
        Phase imported = upload(xlsx, "名单.xlsx", admin, XLSX_ROWS, "import .xlsx");
        long importPeakHeap = peakHeapMb();

        // the peer once more, after the import: the import is held against both bulk phases together (before and
        // after it), so what changes along the run — the tables growing from 1.2 to 1.4 million people, autovacuum
        // and checkpoints the earlier phases set off, other work on a shared machine — weighs on both sides alike
        Phase bulkAfter = bulk(new Rows("110105", 2019, 250_000, orgs), XLSX_ROWS, admin, "bulk path again");
        double bulkRate = (bulk.rows() + bulkAfter.rows()) / (bulk.seconds() + bulkAfter.seconds());

        // the limit: a plain COPY of as many valid rows into the same tables
        Phase copy = copy(new Rows("110107", 2022, 0, orgs), XLSX_ROWS - XLSX_ROWS / 20, orgs.company());

        // the .xls
        byte[] xlsTemplate = download("/api/imports/templates/subordinate-members.xls", admin);
        Path xls = workbook(xlsTemplate, true, new Rows("110106", 2021, 0, orgs), XLS_ROWS);
        Phase importedXls = upload(xls, "名单.xls", admin, XLS_ROWS, "import .xls");
        long peakRssMb = peakRssMb();

        // the way many admin systems load a workbook, in this JVM
        Poi xssf = wholeWorkbook(xlsx, XLSX_ROWS);
        Poi hssf = wholeWorkbook(xls, XLS_ROWS);

        double ratio = imported.rowsPerSecond() / bulkRate;
        line("");
        bench("bulk_path", "%,.0f rows/s end to end over both bulk phases (%,.0f before the import, %,.0f after it; "
                        + "%d clients x %,d rows through the gateway, every event relayed)",
                bulkRate, bulk.rowsPerSecond(), bulkAfter.rowsPerSecond(), BULK_CLIENTS, BULK_BATCH);
        bench("import_xlsx", "%,.0f rows/s end to end (upload -> every row stored, every event relayed, failure "
                + "workbook downloaded); %.0f %% of the bulk path (goal >= 90 %%), absolute goal >= 20,000 rows/s",
                imported.rowsPerSecond(), ratio * 100);
        bench("copy_limit", "%,.0f rows/s (COPY of the valid rows into person and membership); import = %.0f %% of it, "
                + "bulk path = %.0f %% of it", copy.rowsPerSecond(), imported.rowsPerSecond() / copy.rowsPerSecond() * 100,
                bulkRate / copy.rowsPerSecond() * 100);
        bench("import_xls", "%,.0f rows/s end to end (%,d rows); %.0f %% of the bulk path", importedXls.rowsPerSecond(),
                XLS_ROWS, importedXls.rowsPerSecond() / bulkRate * 100);
        bench("import_service_memory", "peak heap %,d MB after the .xlsx (%,d MB after the .xls), peak RSS %,d MB, at %s",
                importPeakHeap, peakHeapMb(), peakRssMb, IMPORT_JAVA_OPTS);
        bench("poi_whole_workbook_xlsx", "%s; import-service's peak heap is %s of it", xssf,
                xssf.peakHeapMb() > 0 ? "%.0f %%".formatted(100.0 * importPeakHeap / xssf.peakHeapMb()) : "-");
        bench("poi_whole_workbook_xls", "%s", hssf);
        for (Phase phase : List.of(bulk, imported, bulkAfter, copy, importedXls)) {
            bench("cpu_ms_per_1000_rows", "%s: %s", phase.label(), phase.cpu());
        }
        BenchFigure.of("import_flow.bulk_path", bulkRate, "rows/s").higherIsBetter()
                .limit("COPY of the valid rows", copy.rowsPerSecond()).cpu(bulk.cpuMsPer1000Rows(), "ms/1000 rows")
                .record();
        BenchFigure.of("import_flow.xlsx", imported.rowsPerSecond(), "rows/s").atLeast(20_000)
                .limit("COPY of the valid rows", copy.rowsPerSecond()).peer("bulk path", bulkRate)
                .cpu(imported.cpuMsPer1000Rows(), "ms/1000 rows").record();
        BenchFigure.of("import_flow.xlsx_share_of_bulk_path", ratio * 100, "%").atLeast(90).record();
        BenchFigure.of("import_flow.xls", importedXls.rowsPerSecond(), "rows/s").higherIsBetter()
                .peer("bulk path", bulkRate).cpu(importedXls.cpuMsPer1000Rows(), "ms/1000 rows").record();
        BenchFigure heap = BenchFigure.of("import_flow.import_service_peak_heap", importPeakHeap, "MB").lowerIsBetter();
        (xssf.peakHeapMb() > 0 ? heap.peer("POI whole workbook .xlsx", xssf.peakHeapMb()) : heap).record();
        line("gateway 502/503/504 answered to downloads and job polls, sent again: %d", GATEWAY_RETRIES.get());
        System.out.println(REPORT);
    }

    // ---- the phases

    /** A phase's figures: rows, seconds, and the CPU per 1,000 rows of each part. */
    record Phase(String label, int rows, double seconds, String cpu) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        /** The CPU ms per 1,000 rows of all parts together: the first figure of {@link #cpu}. */
        double cpuMsPer1000Rows() {
            return Double.parseDouble(cpu.substring(0, cpu.indexOf(' ')));
        }
    }

    private static Phase bulk(Rows rows, int count, AdminTokens admin, String label) throws Exception {
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < count; from += BULK_BATCH) {
            StringBuilder body = new StringBuilder(BULK_BATCH * 330).append("{\"rows\":[");
            for (int i = from; i < Math.min(count, from + BULK_BATCH); i++) {
                body.append(i == from ? "" : ",").append(rows.json(i));
            }
            batches.add(body.append("]}").toString());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        awaitQuiet(label);
        Map<String, Double> cpuBefore = cpuByPart();
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(BULK_CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < BULK_CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                        String batch = batches.get(b);
                        HttpResponse<String> response = throughGateway(retries, () -> HttpRequest.newBuilder(
                                        URI.create(LeagueStack.gateway() + "/api/members/bulk"))
                                .timeout(Duration.ofMinutes(5))
                                .header("Authorization", "Bearer " + admin.current())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        JsonNode result = JSON.readTree(response.body());
                        refused.addAndGet(result.path("refused").asInt());
                        stored.addAndGet(result.path("imported").asInt() + result.path("alreadyImported").asInt());
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        double answered = seconds(start);
        long backlog = outboxBacklog();
        StackDatabase.awaitOutboxEmpty(LeagueStack.OFFSET);
        double seconds = seconds(start);
        Phase phase = new Phase(label, count, seconds, cpuPer1000(cpuBefore, count));
        line("  its stages from the first request: every batch answered (stored) %.1f s with %,d events still in "
                + "member-service's outbox, every event relayed %.1f s", answered, backlog, seconds);
        line("%s: %,d rows in %.1f s = %,.0f rows/s; stored %,d, refused %,d; batches sent again after the gateway's "
                        + "503/504 (member-service slower than its 30 s timeout): %d; load %s -> %s", label, count,
                seconds, phase.rowsPerSecond(), stored.get(), refused.get(), retries.get(), loadBefore, loadAverage());
        assertThat(refused.get()).as("refused = invalid rows generated").isEqualTo(Rows.invalid(count));
        assertThat(stored.get()).isEqualTo(count - Rows.invalid(count));
        return phase;
    }

    private static Phase upload(Path file, String name, AdminTokens admin, int rows, String label) throws Exception {
        awaitQuiet(label);
        Map<String, Double> cpuBefore = cpuByPart();
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        String boundary = "----league" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"template\"\r\n\r\n"
                + "subordinate-members\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(LeagueStack.gateway() + "/api/imports"))
                .header("Authorization", "Bearer " + admin.current()).header("X-League-Org", "12")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).path("id").asString();
        double uploaded = seconds(start);
        double counted = -1;
        double firstStored = -1;
        JsonNode job;
        long deadline = System.nanoTime() + Duration.ofMinutes(40).toNanos();
        do {
            Thread.sleep(200);
            job = JSON.readTree(download("/api/imports/" + id, admin));
            if (counted < 0 && !job.path("rowsTotal").isNull() && !job.path("rowsTotal").isMissingNode()) {
                counted = seconds(start);
            }
            if (firstStored < 0 && job.path("rowsStored").asInt() > 0) {
                firstStored = seconds(start);
            }
            assertThat(System.nanoTime()).as("import %s did not finish: %s", id, job).isLessThan(deadline);
        } while (!List.of("DONE", "FAILED", "CANCELLED").contains(job.path("status").asString()));
        double stored = seconds(start);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("DONE");
        long backlog = outboxBacklog();
        StackDatabase.awaitOutboxEmpty(LeagueStack.OFFSET);
        double relayed = seconds(start);
        byte[] failures = download("/api/imports/" + id + "/failures", admin);
        double seconds = seconds(start);
        Phase phase = new Phase(label, rows, seconds, cpuPer1000(cpuBefore, rows));
        int failedInWorkbook = dataRows(failures);
        line("%s: %,d rows (%,d bytes) in %.1f s = %,.0f rows/s; %s; failure workbook %,d bytes, %,d rows; "
                        + "load %s -> %s", label, rows, Files.size(file), seconds, phase.rowsPerSecond(),
                job.path("summary").asString(), failures.length, failedInWorkbook, loadBefore, loadAverage());
        line("  its stages from the upload's start: accepted (202) %.1f s, file read and counted %.1f s, first rows "
                + "stored %.1f s, every row stored %.1f s (%,d events still in member-service's outbox), every event "
                + "relayed %.1f s, failure workbook downloaded %.1f s", uploaded, counted, firstStored, stored, backlog,
                relayed, seconds);
        assertThat(job.path("rowsFailed").asInt()).as("failed rows = invalid rows generated").isEqualTo(Rows.invalid(rows));
        assertThat(job.path("rowsImported").asInt()).isEqualTo(rows - Rows.invalid(rows));
        assertThat(failedInWorkbook).isEqualTo(Rows.invalid(rows));
        return phase;
    }

    /** The valid rows as a plain COPY into person and membership: the limit of storing them. */
    private static Phase copy(Rows rows, int count, long branch) throws Exception {
        awaitQuiet("COPY");
        Map<String, Double> cpuBefore = cpuByPart();
        String path;
        try (Connection member = database("league_member"); Statement sql = member.createStatement();
             ResultSet row = sql.executeQuery("select path from org_replica.org where id = " + branch)) {
            row.next();
            path = row.getString(1);
        }
        long start = System.nanoTime();
        try (Connection member = database("league_member")) {
            member.setAutoCommit(false);
            StackDatabase.copyIn(member, StackDatabase.COPY_PERSON, count, rows::personLine);
            StackDatabase.copyIn(member, StackDatabase.COPY_MEMBERSHIP, count,
                    i -> rows.id(i) + "\t" + branch + "\t" + path + "\t" + rows.name(i) + "\n");
            member.commit();
        }
        double seconds = seconds(start);
        Phase phase = new Phase("COPY", count, seconds, cpuPer1000(cpuBefore, count));
        line("COPY of %,d valid rows into person and membership: %.1f s = %,.0f rows/s", count, seconds,
                phase.rowsPerSecond());
        return phase;
    }

    /** What POI's whole-workbook load of a file takes in this JVM. */
    record Poi(String what, long millis, long peakHeapMb, int rows) {
        @Override
        public String toString() {
            return millis < 0 ? what + ": out of heap at -Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m"
                    : "%s: %,d ms, peak heap %,d MB, %,d rows".formatted(what, millis, peakHeapMb, rows);
        }
    }

    private static Poi wholeWorkbook(Path file, int rows) throws Exception {
        boolean xls = file.toString().endsWith(".xls");
        String what = xls ? "HSSFWorkbook" : "XSSFWorkbook";
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        int count = 0;
        try (InputStream in = Files.newInputStream(file);
             Workbook book = xls ? new HSSFWorkbook(in) : new XSSFWorkbook(file.toFile())) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                StringBuilder cells = new StringBuilder();
                for (Cell cell : row) {
                    cells.append(formatter.formatCellValue(cell));
                }
                count += row.getRowNum() >= 2 && !cells.isEmpty() ? 1 : 0;
            }
        } catch (OutOfMemoryError exhausted) {
            return new Poi(what, -1, -1, 0);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        assertThat(count).isEqualTo(rows);
        return new Poi(what, millis, peak, count);
    }

    // ---- the rows

    /**
     * Generated rows: members born in 2000–2001 in region {@code region}, joined in {@code joinYear}, with a
     * development number of that year and Zhejiang (33) below the demo's (800,000 and above), every ID and number
     * unique across the phases (each phase its region, join year or sequence offset), in the company's and the community's branch in turn. Row i with
     * i % 20 == 7 is invalid, of kind (i / 20) % 16.
     */
    record Rows(String region, int joinYear, int offset, Orgs orgs) {

        static int invalid(int count) {
            return count / 20 + (count % 20 > 7 ? 1 : 0);
        }

        static boolean isInvalid(int i) {
            return i % 20 == 7;
        }

        String id(int i) {
            int n = offset + i;
            return IdNumbers.of(region, LocalDate.of(2000, 1, 1).plusDays(n / 900), 100 + n % 900);
        }

        /** The row's cells in template order: 所在团支部, 人员类型, 姓名, 身份证号, 民族, 政治面貌, 学历, 入团时间, 发展团员编号, 手机号码, 电子邮箱, 团内职务. */
        List<String> cells(int i) {
            return cells(i, isInvalid(i) ? (i / 20) % KINDS : -1);
        }

        /** The row's cells as a row of that kind of invalid (-1: valid). */
        List<String> cells(int i, int invalidKind) {
            int n = offset + i;
            String branch = i % 2 == 0 ? "某科技有限公司团支部" : Long.toString(orgs.community());
            String kind = "团员";
            String id = id(i);
            String join = joinYear + "-03-01";
            String number = "%04d33%06d".formatted(joinYear, n);
            if (invalidKind >= 0) {
                switch (invalidKind) {
                    case 0 -> id = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');   // check digit (R-ID-4)
                    case 1 -> id = IdNumbers.of("990101", LocalDate.of(2000, 1, 1).plusDays(n / 900), 100 + n % 900); // region
                    case 2 -> number = "";                                                        // missing (R-MEM-5)
                    case 3 -> number = "%04d33%06d".formatted(joinYear - 3, n);                   // another year
                    case 4 -> number = "%04d33%05d".formatted(joinYear, n % 100_000);            // length
                    case 5 -> number = "%04d33%05dA".formatted(joinYear, n % 100_000);           // not digits
                    case 6 -> {                                                                   // taken
                        join = "2017-03-01";
                        number = presentNumber(n % Math.min(PEOPLE, 500_000));
                    }
                    case 7 -> {                                                                   // registered (R-AUTH-5)
                        id = presentId(n % PEOPLE);
                        branch = "某科技有限公司团支部";
                    }
                    case 8 -> id = IdNumbers.of(region, LocalDate.of(1990, 1, 1).plusDays(n % 900), 100 + n % 900); // 36 (R-MEM-3)
                    case 9 -> id = IdNumbers.of(region, LocalDate.of(2010, 1, 1).plusDays(n % 300), 100 + n % 900); // 10 at joining (R-MEM-4)
                    case 10 -> branch = Long.toString(orgs.committee());                          // not a branch (R-MEM-1)
                    case 11 -> branch = "没有这个团支部";                                           // unknown branch
                    case 12 -> kind = "群众";                                                       // no such 人员类型
                    case 13 -> join = "去年";                                                       // no date
                    case 14 -> id = id(i - 20);                  // the ID of the row 20 before (invalid too): twice in the file
                    default -> number = "%04d33%06d".formatted(joinYear, n - 20); // the number of the row 20 before: twice
                }
            }
            return List.of(branch, kind, name(i), id, "汉族", "共青团员", "大学本科", join, number,
                    "139%08d".formatted(n % 100_000_000), "", "");
        }

        /**
         * The row as member-service's bulk path takes it; the rows import-service refuses itself stay invalid there
         * (an unreadable date becomes one before the person's birth), and the in-file duplicates whose first row sits
         * in the batch before (member-service sees duplicates within one call) become a wrong check digit.
         */
        String json(int i) {
            int kind = isInvalid(i) ? (i / 20) % KINDS : -1;
            if ((kind == 14 || kind == 15) && i % BULK_BATCH < 20) {
                kind = 0;
            }
            List<String> cells = cells(i, kind);
            long org = switch (cells.get(0)) {
                case "某科技有限公司团支部" -> orgs.company();
                case "没有这个团支部" -> 999_999_999L;
                default -> Long.parseLong(cells.get(0));
            };
            String join = cells.get(7).equals("去年") ? "1995-03-01" : cells.get(7);
            return """
                    {"rowNumber":%d,"kind":%s,"orgId":%d,"person":{"idNumber":"%s","name":"%s","ethnicity":"汉族",\
                    "politicalStatus":"共青团员","education":"大学本科","joinDate":"%s","developmentNumber":%s,\
                    "mobile":"%s"}}""".formatted(i % BULK_BATCH + 3, cells.get(1).equals("团员") ? "\"MEMBER\"" : "null",
                    org, cells.get(3), cells.get(2), join, cells.get(8).isEmpty() ? "null" : "\"" + cells.get(8) + "\"",
                    cells.get(9));
        }

        /** The name of the valid row i. */
        String name(int i) {
            return "导入" + (offset + i);
        }

        /** A person's COPY line for person (the valid row i). */
        String personLine(int i) {
            String id = id(i);
            LocalDate born = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
            return "%s\t%s\t%s\t%s\t汉族\t共青团员\t大学本科\t%d-03-01\t%04d33%06d\t139%08d\n".formatted(id,
                    name(i), born, (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE", joinYear, joinYear,
                    offset + i, (offset + i) % 100_000_000);
        }
    }

    /**
     * The development number of present person g: joined 2017 or 2018, the last six digits below 500,000 (the demo's
     * people hold 800,000 and above).
     */
    private static String presentNumber(int g) {
        return "%04d33%06d".formatted(2017 + g / 500_000, g % 500_000);
    }

    private static String presentId(int g) {
        return IdNumbers.of("320102", LocalDate.of(2000, 1, 1).plusDays(g / 900), 100 + g % 900);
    }

    /** The template filled with {@code count} generated rows, in a file under the stack's folder. */
    private static Path workbook(byte[] template, boolean xls, Rows rows, int count) throws IOException {
        long start = System.nanoTime();
        Path file = ImportFlow.workbook(template, xls, rows::cells, count, LeagueStack.HOME);
        line("generated %s: %,d rows, %,d bytes in %.1f s", file.getFileName(), count, Files.size(file), seconds(start));
        return file;
    }

    /** Data rows of a failure workbook (from its third row). */
    private static int dataRows(byte[] workbook) throws IOException {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            int count = 0;
            for (Row row : sheet) {
                count += row.getRowNum() >= 2 && row.getPhysicalNumberOfCells() > 0 ? 1 : 0;
            }
            return count;
        }
    }

    // ---- the stack

    /** 1,000,000 people present in member-service, COPY'd, members of the community's branch. */
    private static void generatePeople(long branch) throws Exception {
        long start = System.nanoTime();
        try (Connection member = database("league_member")) {
            String path;
            try (Statement sql = member.createStatement();
                 ResultSet row = sql.executeQuery("select path from org_replica.org where id = " + branch)) {
                row.next();
                path = row.getString(1);
            }
            member.setAutoCommit(false);
            StackDatabase.copyIn(member, StackDatabase.COPY_PERSON, PEOPLE, g -> {
                        String id = presentId(g);
                        return "%s\t在册%d\t%s\t%s\t汉族\t共青团员\t大学本科\t%d-03-01\t%s\t138%08d\n".formatted(id,
                                g, LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE),
                                (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE", 2017 + g / 500_000,
                                presentNumber(g), g);
                    });
            StackDatabase.copyIn(member, StackDatabase.COPY_MEMBERSHIP, PEOPLE,
                    g -> presentId(g) + "\t" + branch + "\t" + path + "\t在册" + g + "\n");
            member.commit();
            member.setAutoCommit(true);
            try (Statement sql = member.createStatement()) {
                sql.execute("vacuum (analyze) person");
                sql.execute("vacuum (analyze) membership");
            }
        }
        line("people present before: %,d, COPY'd in %.1f s", PEOPLE, seconds(start));
    }

    /**
     * import-service as a process of its own at -Xmx512m in place of the stack's replica (same database, Kafka,
     * Keycloak and member-service), in a process group of its own (its CPU), its GC logged (its peak heap).
     */
    private static void startImportService() throws Exception {
        LeagueStack.Result stopped = LeagueStack.league(Duration.ofMinutes(2), "stop", "import-service");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        gcLog = LeagueStack.HOME.resolve("import-service-benchmark-gc.log");
        List<String> command = new ArrayList<>(List.of("setsid",
                ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(IMPORT_JAVA_OPTS.split("\\s+")));
        command.addAll(List.of("-Xlog:gc:file=" + gcLog, "-jar",
                LeagueStack.ROOT.resolve("import-service/target/import-service.jar").toString(),
                "--server.address=127.0.0.1", "--server.port=" + IMPORT_PORT,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + (15432 + LeagueStack.OFFSET) + "/league_import",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + (19092 + LeagueStack.OFFSET),
                "--league.keycloak.url=" + LeagueStack.keycloak(),
                "--league.member-service.url=http://127.0.0.1:" + (8082 + LeagueStack.OFFSET),
                "--league.instance-id=import-service-1", "--spring.profiles.active=dev"));
        importService = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LeagueStack.HOME.resolve("import-service-benchmark.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(importService.isAlive()).as("import-service exited; see import-service-benchmark.log").isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + IMPORT_PORT
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("import-service did not become ready");
    }

    /** The largest heap import-service held so far: the heap before each collection, from its GC log. */
    private static long peakHeapMb() throws IOException {
        Matcher sizes = Pattern.compile("(\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (sizes.find()) {
            peak = Math.max(peak, Long.parseLong(sizes.group(1)));
        }
        return peak;
    }

    /** import-service's peak resident set so far (VmHWM). */
    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + importService.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }

    /**
     * Waits until the stack has worked off what the phases before left behind (identity verification, statistics,
     * the tree copies): every part together uses under {@link #QUIET_CORES} of a core for 5 s. Each phase then pays
     * for its own work only — without this the import, measured after the bulk path, paid for the bulk path's
     * verification backlog too.
     */
    private static void awaitQuiet(String phase) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(20).toNanos();
        double busy;
        do {
            double before = stackCpuSeconds();
            Thread.sleep(5_000);
            busy = (stackCpuSeconds() - before) / 5;
        } while (busy >= QUIET_CORES && System.nanoTime() < deadline);
        line("before %s: the stack %s after %.0f s (%.2f cores busy; load %s)", phase,
                busy < QUIET_CORES ? "was quiet" : "was still busy", seconds(start), busy, loadAverage());
    }

    private static double stackCpuSeconds() throws Exception {
        Map<String, Double> parts = cpuByPart();
        parts.remove("load client");
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Events in member-service's outbox, not yet relayed. */
    private static long outboxBacklog() throws Exception {
        try (Connection member = database("league_member"); Statement sql = member.createStatement();
             ResultSet row = sql.executeQuery("select count(*) from platform.outbox_event")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long awaitOrg(String fullName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Long member = orgId("league_member", fullName);
            Long imports = orgId("league_import", fullName);
            if (member != null && member.equals(imports)) {
                return member;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(fullName + " never reached member-service's and import-service's tree copies");
    }

    private static Long orgId(String database, String fullName) throws Exception {
        try (Connection connection = database(database); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select id from org_replica.org where full_name = '" + fullName + "'")) {
            return row.next() ? row.getLong(1) : null;
        }
    }

    /** CPU seconds each part of the stack used so far (PostgreSQL read from a backend; the rest by process group). */
    private static Map<String, Double> cpuByPart() throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (Connection connection = database("league_member"); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select pg_backend_pid()")) {
            row.next();
            seconds.put("postgresql", CpuTime.postgresSeconds(row.getLong(1)));
        }
        for (String part : List.of("kafka", "keycloak", "gateway", "member-service", "identity-verification-service",
                "stats-service")) {
            Path pidFile = LeagueStack.HOME.resolve("run/" + part + ".pid");
            if (Files.exists(pidFile)) {
                seconds.put(part, CpuTime.processGroupSeconds(Long.parseLong(Files.readString(pidFile).strip())));
            }
        }
        seconds.put("import-service", CpuTime.processGroupSeconds(importService.pid()));
        seconds.put("load client", CpuTime.jvmSeconds());
        return seconds;
    }

    private static String cpuPer1000(Map<String, Double> before, int rows) throws Exception {
        Map<String, Double> after = cpuByPart();
        StringBuilder parts = new StringBuilder();
        double total = 0;
        for (String part : after.keySet()) {
            double used = after.get(part) - before.getOrDefault(part, 0.0);
            total += used;
            parts.append(", %s %.0f".formatted(part, used * 1_000_000 / rows));
        }
        return "%.0f in all%s".formatted(total * 1_000_000 / rows, parts);
    }

    private interface Request {
        HttpRequest build() throws Exception;
    }

    /**
     * Sends through the gateway, again after its 502/503/504 (its 30 s timeout or open circuit when a loaded machine
     * makes a service slow): a bulk batch sent again comes back ALREADY_IMPORTED for what was stored meanwhile.
     */
    private static <T> HttpResponse<T> throughGateway(AtomicInteger retries, Request request,
                                                      HttpResponse.BodyHandler<T> handler) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<T> response = HTTP.send(request.build(), handler);
            if (!List.of(502, 503, 504).contains(response.statusCode()) || attempt == 30) {
                return response;
            }
            retries.incrementAndGet();
            Thread.sleep(2000);
        }
    }

    private static final AtomicInteger GATEWAY_RETRIES = new AtomicInteger();

    private static byte[] download(String path, AdminTokens as) throws Exception {
        HttpResponse<byte[]> response = throughGateway(GATEWAY_RETRIES, () -> HttpRequest.newBuilder(
                        URI.create(LeagueStack.gateway() + path))
                .header("Authorization", "Bearer " + as.current()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("%s: %s", path, new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }

    private static Connection database(String name) throws Exception {
        return StackDatabase.connect(LeagueStack.OFFSET, name);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String loadAverage() throws IOException {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return load[0] + " " + load[1] + " " + load[2];
    }

    private static void line(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println(line);
        REPORT.append(line).append('\n');
    }

    private static void bench(String name, String format, Object... args) throws IOException {
        line("BENCH import_flow.%s: %s (load %s, %d cores, shared)", name, format.formatted(args), loadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}

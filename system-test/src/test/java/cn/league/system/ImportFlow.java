package cn.league.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** import-service from outside: templates, uploads and jobs through the gateway; a second replica beside the stack's. */
final class ImportFlow {

    static final int SECOND_REPLICA_PORT = 8090 + LeagueStack.OFFSET;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportFlow() {
    }

    static HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(LeagueStack.gateway() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The downloaded template with these rows from its third row on (as a user fills it in Excel). */
    static byte[] filled(byte[] template, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(template));
             SXSSFWorkbook book = new SXSSFWorkbook(opened, 1000)) {
            Sheet sheet = book.getSheetAt(0);
            int next = 2;
            for (List<String> values : rows) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    row.createCell(i).setCellValue(values.get(i));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        }
    }

    /**
     * The downloaded template (.xlsx or .xls) with {@code count} generated rows from its third row on, as a user fills
     * it in, written to a new file in {@code directory}: an .xlsx streamed (SXSSF, 1,000 rows in memory), so a file of
     * 200,000 rows needs no whole workbook in the heap. Empty cells are left out.
     */
    static Path workbook(byte[] template, boolean xls, IntFunction<List<String>> rows, int count, Path directory)
            throws IOException {
        Path file = Files.createTempFile(directory, "import-", xls ? ".xls" : ".xlsx");
        try (Workbook opened = WorkbookFactory.create(new ByteArrayInputStream(template));
             Workbook book = xls ? opened : new SXSSFWorkbook((XSSFWorkbook) opened, 1000)) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i < count; i++) {
                Row row = sheet.createRow(i + 2);
                List<String> cells = rows.apply(i);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
            if (book instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
        }
        return file;
    }

    /** The demo admin administers several orgs: uploads name the one acted for (R-ADM-8), 团浙江省委. */
    static final String ZHEJIANG = "12";

    static HttpResponse<String> upload(String template, byte[] file, String token) throws Exception {
        return upload(LeagueStack.gateway(), ZHEJIANG, template, "名单.xlsx", file, token);
    }

    /** An upload through the gateway at this base URL, acting for the org {@code actingFor} (R-ADM-8). */
    static HttpResponse<String> upload(String gateway, String actingFor, String template, String fileName, byte[] file,
                                       String token) throws Exception {
        String boundary = "----league" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"template\"\r\n\r\n" + template
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/imports"))
                .header("Authorization", "Bearer " + token).header("X-League-Org", actingFor)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode job(String id, String token) throws Exception {
        HttpResponse<byte[]> response = download("/api/imports/" + id, token);
        return JSON.readTree(response.body());
    }

    static JsonNode finished(String id, String token, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = job(id, token);
            if (List.of("DONE", "FAILED", "CANCELLED").contains(job.path("status").asString())) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("import " + id + " did not finish: " + job(id, token));
    }

    /** Rows of the subordinate template for members of a branch, one per ID number. */
    static List<List<String>> members(String branch, List<String> idNumbers) {
        List<List<String>> rows = new ArrayList<>(idNumbers.size());
        for (String id : idNumbers) {
            rows.add(List.of(branch, "团员", "导入" + id.substring(14), id, "汉族", "共青团员", "大学本科",
                    "2016-06-01", "", "13900000000"));
        }
        return rows;
    }

    /** {@code count} valid ID numbers of people born in 2002 in 杭州市上城区 (330102), none used elsewhere. */
    static List<String> idNumbers(int first, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            LocalDate born = LocalDate.of(2002, 1, 1).plusDays(i / 900);
            ids.add(IdNumbers.of("330102", born, 100 + i % 900));
        }
        return ids;
    }

    static Connection database(String name) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + (15432 + LeagueStack.OFFSET) + "/" + name,
                "league", "league");
    }

    /** The pid of the replica holding the job's lease (the worker name starts with pid@host), or 0. */
    static long leaseHolder(Connection imports, String id) throws Exception {
        try (PreparedStatement query = imports.prepareStatement(
                "select lease_owner, rows_checked from import_job where id = cast(? as uuid)")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                String owner = row.getString(1);
                return owner == null || row.getInt(2) == 0 ? 0 : Long.parseLong(owner.substring(0, owner.indexOf('@')));
            }
        }
    }

    static String status(Connection imports, String id) throws Exception {
        try (PreparedStatement query = imports.prepareStatement(
                "select status from import_job where id = cast(? as uuid)")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    static long peopleStored(Connection members, List<String> idNumbers) throws Exception {
        try (PreparedStatement query = members.prepareStatement(
                "select count(*) from person where id_number = any (?)")) {
            query.setArray(1, members.createArrayOf("varchar", idNumbers.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A second import-service replica beside the one ./league started: same database, Kafka and Keycloak. */
    static Process startSecondReplica() throws Exception {
        return LeagueStack.startReplica("import-service", "league_import", SECOND_REPLICA_PORT,
                "--league.member-service.url=http://127.0.0.1:" + (8082 + LeagueStack.OFFSET));
    }
}

package cn.league.support.copy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.league.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk paths' hand-written COPY writer against a real PostgreSQL: what goes in comes back, byte for byte. */
class CopyInTest {

    private static DataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        TestPostgres postgres = TestPostgres.get();
        dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl("copy_in_test"),
                postgres.user(), postgres.password());
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("drop table if exists copied").update();
        jdbc.sql("create table copied (id bigserial primary key, code text unique, body text, amount int)").update();
    }

    @Test
    void escapesBackslashTabNewlineAndCarriageReturn() {
        List<String> awkward = List.of("a\\b", "tab\there", "line\nbreak", "cr\rlf\r\n", "\\N", "\\", "\t\n\r\\",
                "ends with backslash\\", "");
        CopyIn rows = new CopyIn("copied (code, body)", awkward.size());
        for (int i = 0; i < awkward.size(); i++) {
            rows.row("c" + i, awkward.get(i));
        }
        rows.into(dataSource);

        assertThat(bodies()).containsExactlyElementsOf(awkward);
    }

    @Test
    void nullIsSqlNullAndDiffersFromEmptyText() {
        new CopyIn("copied (code, body, amount)", 2).row("empty", "", null).row("null", null, 7).into(dataSource);

        assertThat(jdbc.sql("select body is null from copied order by id").query(Boolean.class).list())
                .containsExactly(false, true);
        assertThat(jdbc.sql("select amount from copied order by id").query(Integer.class).list())
                .containsExactly(null, 7);
    }

    @Test
    void keepsChineseAndCharactersBeyondTheBasicPlane() {
        List<String> texts = List.of("共青团北京市委员会", "𠮷野家", "表情😀🇨🇳", "混合 mixed\t𝄞\\end");
        CopyIn rows = new CopyIn("copied (code, body)", texts.size());
        for (int i = 0; i < texts.size(); i++) {
            rows.row("c" + i, texts.get(i));
        }
        rows.into(dataSource);

        assertThat(bodies()).containsExactlyElementsOf(texts);
    }

    @Test
    void takesUtf8BytesAsTextAlreadyEncoded() {
        new CopyIn("copied (code, body)", 1).row("bytes", "团员\t😀".getBytes(StandardCharsets.UTF_8)).into(dataSource);

        assertThat(bodies()).containsExactly("团员\t😀");
    }

    @Test
    void rowsAcrossChunkEdgesAndAValueLargerThanAChunkArriveWholeAndInOrder() {
        // a first chunk of 64 bytes (one row expected), then 256 KB chunks: rows, multi-byte characters and the
        // escapes all land on chunk edges somewhere in 20,000 rows of varying length
        List<String> expected = new ArrayList<>();
        CopyIn rows = new CopyIn("copied (code, body, amount)", 1);
        for (int i = 0; i < 20_000; i++) {
            String body = "行" + "团".repeat(i % 97) + (i % 13 == 0 ? "\t\\\n" : "") + "😀".repeat(i % 5);
            expected.add(body);
            rows.row("c" + i, body, i);
        }
        String huge = "大".repeat(300_000) + "\\" + "x".repeat(100_000); // ~1 MB of UTF-8, several chunks
        expected.add(huge);
        rows.row("huge", huge, -1);
        assertThat(rows.size()).isEqualTo(20_001);

        rows.into(dataSource);

        assertThat(bodies()).containsExactlyElementsOf(expected);
        assertThat(jdbc.sql("select amount from copied where code = 'c19999'").query(Integer.class).single())
                .isEqualTo(19_999);
    }

    @Test
    void aUniqueViolationFailsTheWholeCopyAndTheTransactionKeepsNothingOfIt() {
        new CopyIn("copied (code, body)", 1).row("taken", "first").into(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("insert into copied (code, body) values ('in-transaction', 'x')").update();
            new CopyIn("copied (code, body)", 3).row("fresh", "a").row("taken", "b").row("later", "c")
                    .into(dataSource);
        })).isInstanceOf(DataAccessException.class);

        assertThat(bodies()).containsExactly("first");
    }

    @Test
    void noRowsSendsNoStatement() {
        CopyIn none = new CopyIn("no_such_table (x)", 0);
        none.into(dataSource); // a COPY would fail on the missing table

        assertThat(none.size()).isZero();
    }

    private static List<String> bodies() {
        return jdbc.sql("select body from copied order by id").query(String.class).list();
    }
}

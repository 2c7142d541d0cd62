package cn.league.importing.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

class RunFailuresTest {

    @Test
    @DisplayName("R-IMP-2 a run failing for an unexpected reason pauses the job 10 s, doubled each time; the fifth failure fails it")
    void pausesDoubleThenGivesUp() {
        RunFailures failures = new RunFailures(Duration.ofSeconds(10), 5);

        assertThat(failures.after(1).pause()).isEqualTo(Duration.ofSeconds(10));
        assertThat(failures.after(2).pause()).isEqualTo(Duration.ofSeconds(20));
        assertThat(failures.after(3).pause()).isEqualTo(Duration.ofSeconds(40));
        assertThat(failures.after(4).pause()).isEqualTo(Duration.ofSeconds(80));
        assertThat(failures.after(4).giveUp()).isFalse();
        assertThat(failures.after(5).giveUp()).isTrue();
        assertThat(failures.after(6).giveUp()).isTrue();
    }

    @Test
    @DisplayName("R-IMP-2 the job given up says in Chinese that the stored rows stay and the file is to be uploaded again")
    void detail() {
        assertThat(RunFailures.detail(1200)).isEqualTo(
                "导入多次因系统异常中断,已停止;已成功导入的 1200 位团员保留不变,请重新上传该文件(已导入的团员不会重复导入)");
    }

    @Test
    @DisplayName("member-service or the database out of reach is a pause that does not count; anything else counts")
    void outOfReach() {
        assertThat(RunFailures.outOfReach(new MemberBulk.Unreachable("no connection", new ConnectException()))).isTrue();
        assertThat(RunFailures.outOfReach(new CannotGetJdbcConnectionException("pool", new SQLException("x", "08001"))))
                .isTrue();
        assertThat(RunFailures.outOfReach(new DataAccessResourceFailureException("terminating connection"))).isTrue();
        assertThat(RunFailures.outOfReach(new UncategorizedSQLException("update", "update", new SQLException(
                "terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(RunFailures.outOfReach(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
        assertThat(RunFailures.outOfReach(new InterruptedException())).isTrue();

        assertThat(RunFailures.outOfReach(new IllegalStateException("member-service answered 500: oops"))).isFalse();
        assertThat(RunFailures.outOfReach(new UncheckedIOException(new IOException("No space left on device"))))
                .isFalse();
        assertThat(RunFailures.outOfReach(new UncategorizedSQLException("insert", "insert", new SQLException(
                "value too long", "22001")))).isFalse();
        assertThat(RunFailures.outOfReach(new NullPointerException())).isFalse();
    }
}

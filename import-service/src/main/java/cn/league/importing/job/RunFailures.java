package cn.league.importing.job;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * What becomes of a job whose run failed (R-IMP-2). member-service or the database out of reach is an outage that
 * ends: the job pauses and resumes, however often. Anything else — member-service answering what it never should,
 * a file the parser chokes on in an unforeseen way — would fail again at the same place: the job pauses
 * {@code firstPause}, twice as long after each further failure without progress, and the {@code giveUpAt}-th failure
 * fails the job with {@link #CODE}. Rows stored before stay stored; uploading the file again stores only the rest.
 */
final class RunFailures {

    static final String CODE = "IMPORT_BROKEN";
    static final String RULE = "R-IMP-2";

    /** What to do after a failure: pause this long, or (pause null) fail the job. */
    record Next(Duration pause) {
        boolean giveUp() {
            return pause == null;
        }
    }

    private final Duration firstPause;
    private final int giveUpAt;

    RunFailures(Duration firstPause, int giveUpAt) {
        if (giveUpAt < 1) {
            throw new IllegalArgumentException("give up at the first failure or later: " + giveUpAt);
        }
        this.firstPause = firstPause;
        this.giveUpAt = giveUpAt;
    }

    /**
     * @param failures the job's failures without progress, this one included (1 for the first)
     */
    Next after(int failures) {
        if (failures >= giveUpAt) {
            return new Next(null);
        }
        return new Next(firstPause.multipliedBy(1L << Math.min(30, Math.max(0, failures - 1))));
    }

    /** The words the uploader reads when the job gave up. */
    static String detail(int rowsStored) {
        return "导入多次因系统异常中断,已停止;已成功导入的 " + rowsStored
                + " 位团员保留不变,请重新上传该文件(已导入的团员不会重复导入)";
    }

    /**
     * Whether the failure is member-service or the database out of reach (or this replica stopping): a pause that
     * does not count.
     */
    static boolean outOfReach(Throwable trouble) {
        for (Throwable cause = trouble; cause != null; cause = cause.getCause()) {
            if (cause instanceof MemberBulk.Unreachable || cause instanceof InterruptedException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01..57P03: the server shutting down or starting
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

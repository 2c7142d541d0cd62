package cn.league.transfer.graduate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for graduates' job reports (R-TR-11) and the 流动团支部's list of members to move out. */
@Repository
public class JobReportStore {

    public record JobReport(String idNumber, String employer, String reportedBy, Instant reportedAt) {
    }

    /** A member of the branch with a job on record, and the open transfer moving them, if any. */
    public record MemberWithJob(String idNumber, String name, String employer, Instant reportedAt,
                                Long openTransferId) {
    }

    private final JdbcClient jdbc;

    JobReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new report replaces the person's earlier one: the job they have now counts. */
    public void save(JobReport report) {
        jdbc.sql("""
                        insert into job_report (id_number, employer, reported_by, reported_at) values (?, ?, ?, ?)
                        on conflict (id_number) do update set employer = excluded.employer,
                               reported_by = excluded.reported_by, reported_at = excluded.reported_at""")
                .params(report.idNumber(), report.employer(), report.reportedBy(),
                        Timestamp.from(report.reportedAt()))
                .update();
    }

    public boolean hasJob(String idNumber) {
        return jdbc.sql("select exists (select 1 from job_report where id_number = ?)").param(idNumber)
                .query(Boolean.class).single();
    }

    /**
     * Members now in the branch with a job on record, in ID number order after {@code after}; only those
     * reported before {@code reportedBefore} when it is given.
     */
    public List<MemberWithJob> inBranch(long branchId, Instant reportedBefore, String after, int limit) {
        return jdbc.sql("""
                        select m.id_number, m.name, j.employer, j.reported_at,
                               (select t.id from transfer t where t.id_number = m.id_number and t.state = 'OPEN')
                          from member_copy m join job_report j on j.id_number = m.id_number
                         where m.branch_id = :branch and m.id_number > :after
                           and (cast(:before as timestamptz) is null or j.reported_at < cast(:before as timestamptz))
                         order by m.id_number limit :limit""")
                .param("branch", branchId).param("after", after)
                .param("before", reportedBefore == null ? null : Timestamp.from(reportedBefore), Types.TIMESTAMP)
                .param("limit", limit)
                .query((row, n) -> new MemberWithJob(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant(), row.getObject(5, Long.class)))
                .list();
    }
}

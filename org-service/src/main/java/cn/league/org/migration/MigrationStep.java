package cn.league.org.migration;

import java.time.Instant;

import cn.league.contracts.org.OrgEvents.MigrationApprover;

/**
 * One step of a migration's history: who acted, as what, when and why.
 *
 * @param actedAs the approver's role for approvals and rejections; null for the request and a withdrawal
 * @param name    the person's name where org-service knows it, else null
 */
public record MigrationStep(int seq, StepAction action, MigrationApprover actedAs, String idNumber, String name,
                            String reason, Instant actedAt) {
}

package cn.league.member.bulk;

import cn.league.member.membership.NewPerson;

/**
 * One already-parsed row of an import file, as the import service sends it.
 *
 * @param rowNumber the row's number in the file, echoed in its outcome
 * @param kind      member (target a branch) or cadre (target any org, {@code person.postTitle} the post)
 * @param orgId     the target org
 * @param person    the person's fields as in single entry
 */
public record BulkRow(int rowNumber, BulkKind kind, Long orgId, NewPerson person) {
}

package cn.league.org.bulk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import cn.league.org.tree.NewOrg;

/**
 * One org of a bulk creation: under an org that exists ({@code parentId}) or under an earlier row of the same request
 * ({@code parentRow}, its 0-based index), so one request can build a whole subtree.
 *
 * @param parentId  the existing parent, or null when {@code parentRow} names it
 * @param parentRow the index of an earlier row of the request, or null when {@code parentId} names the parent
 * @param org       the org as single creation takes it
 */
public record BulkOrgRow(Long parentId, @PositiveOrZero Integer parentRow, @NotNull @Valid NewOrg org) {
}

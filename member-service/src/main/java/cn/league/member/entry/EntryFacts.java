package cn.league.member.entry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One person's facts as entered on any write path (single entry, self-registration, an edit, a bulk
 * row), before anything is checked. Only the role is required here; a field left empty makes the
 * person incomplete (R-MEM-6), not refused.
 *
 * @param idNumber          as entered
 * @param name              as entered; no entry rule reads it yet
 * @param role              entered as an ordinary member or as a cadre
 * @param politicalStatus   政治面貌, null when not given
 * @param joinDate          入团时间, null when not given
 * @param developmentNumber 发展团员编号 as entered, null or blank when not given
 * @param orgProvinceCode   first two digits of the target org's GB/T 2260 code (65 under
 *                          团新疆维吾尔自治区委); 0 when the org belongs to no province
 */
public record EntryFacts(String idNumber, String name, EntryRole role, PoliticalStatus politicalStatus,
        LocalDate joinDate, String developmentNumber, int orgProvinceCode) {

    public EntryFacts {
        Objects.requireNonNull(role, "role");
        if (orgProvinceCode != 0 && (orgProvinceCode < 10 || orgProvinceCode > 99)) {
            throw new IllegalArgumentException("Not a province code: " + orgProvinceCode);
        }
    }
}

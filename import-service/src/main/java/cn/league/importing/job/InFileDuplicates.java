package cn.league.importing.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.league.importing.parse.ParsedRow;
import cn.league.importing.parse.ParsedRow.Fault;
import cn.league.importing.template.Column;

/**
 * R-IMP-3 across a whole file: every row whose ID number or development number another row of the file holds fails,
 * the first too, naming the others. member-service finds duplicates within one batch; a file is sent in many, so
 * the first pass over the file collects the keys here. Keys as the rules read them (blanks removed, upper case).
 */
final class InFileDuplicates {

    private final Map<String, Object> idNumbers = new HashMap<>();
    private final Map<String, Object> developmentNumbers = new HashMap<>();

    void add(ParsedRow row) {
        add(idNumbers, row.person().idNumber(), row.rowNumber());
        add(developmentNumbers, row.person().developmentNumber(), row.rowNumber());
    }

    List<Fault> of(ParsedRow row) {
        List<Fault> faults = new ArrayList<>(0);
        others(idNumbers, row.person().idNumber(), row.rowNumber()).ifPresent(rows -> faults.add(new Fault(
                Column.ID_NUMBER.header(), "身份证号在本文件中重复(与第" + rows + "行相同)")));
        others(developmentNumbers, row.person().developmentNumber(), row.rowNumber()).ifPresent(rows -> faults.add(
                new Fault(Column.DEVELOPMENT_NUMBER.header(), "发展团员编号在本文件中重复(与第" + rows + "行相同)")));
        return faults;
    }

    // a key seen once maps to its row number (Integer); seen more often, to the list of them
    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> seen, String key, int rowNumber) {
        if (key == null || key.isEmpty()) {
            return;
        }
        seen.merge(key, rowNumber, (earlier, now) -> {
            List<Integer> rows = earlier instanceof List<?> list ? (List<Integer>) list
                    : new ArrayList<>(List.of((Integer) earlier));
            rows.add(rowNumber);
            return rows;
        });
    }

    private static java.util.Optional<String> others(Map<String, Object> seen, String key, int rowNumber) {
        if (key == null || !(seen.get(key) instanceof List<?> rows)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(rows.stream().filter(other -> !other.equals(rowNumber)).map(String::valueOf)
                .collect(Collectors.joining("、")));
    }
}

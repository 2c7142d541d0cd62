package cn.league.stats.progress;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/**
 * The 2017 团统 counts as the national admin uploads them (R-STAT-2): a CSV text, one org a line,
 * {@code 组织编号,2017年团统数量}; a first line that is not a number is a header. Any bad line refuses the whole file,
 * naming the line, so nothing is half loaded.
 */
final class BaselineFile {

    static final int MAX_LINES = 5_000_000;

    private BaselineFile() {
    }

    static Map<Long, Long> parse(String text) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        String[] lines = text.strip().split("\\R");
        if (lines.length > MAX_LINES) {
            throw invalid(lines.length, "行数过多");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("[,\\t]");
            if (i == 0 && !fields[0].strip().matches("\\d+")) {
                continue; // the header
            }
            if (fields.length != 2 || !fields[0].strip().matches("\\d{1,18}") || !fields[1].strip().matches("\\d{1,12}")) {
                throw invalid(i + 1, "应为 组织编号,2017年团统数量");
            }
            if (counts.put(Long.parseLong(fields[0].strip()), Long.parseLong(fields[1].strip())) != null) {
                throw invalid(i + 1, "组织编号重复");
            }
        }
        if (counts.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BASELINE_EMPTY", "R-STAT-2",
                    "文件中没有团统数量");
        }
        return counts;
    }

    static ProblemException invalid(int line, String why) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BASELINE_LINE_INVALID", "R-STAT-2",
                "第" + line + "行格式不正确:" + why);
    }
}

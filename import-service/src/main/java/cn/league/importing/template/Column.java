package cn.league.importing.template;

import java.util.List;

/**
 * A column of the import templates: its Chinese header (what the parser looks for), whether the cell is text
 * (leading zeros and 18-digit numbers survive only as text), and the choices of its drop-down list, if any.
 */
public enum Column {

    BRANCH("所在团支部", true, List.of()),
    KIND("人员类型", false, Choices.KINDS),
    NAME("姓名", false, List.of()),
    ID_NUMBER("身份证号", true, List.of()),
    ETHNICITY("民族", false, Choices.ETHNICITIES),
    POLITICAL_STATUS("政治面貌", false, Choices.POLITICAL_STATUSES),
    EDUCATION("学历", false, Choices.EDUCATIONS),
    JOIN_DATE("入团时间", true, List.of()),
    DEVELOPMENT_NUMBER("发展团员编号", true, List.of()),
    MOBILE("手机号码", true, List.of()),
    EMAIL("电子邮箱", false, List.of()),
    POST_TITLE("团内职务", false, List.of());

    private final String header;
    private final boolean text;
    private final List<String> choices;

    Column(String header, boolean text, List<String> choices) {
        this.header = header;
        this.text = text;
        this.choices = choices;
    }

    public String header() {
        return header;
    }

    public boolean text() {
        return text;
    }

    public List<String> choices() {
        return choices;
    }
}

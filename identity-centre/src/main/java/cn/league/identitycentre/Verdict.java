package cn.league.identitycentre;

/** The centre's answer for one name + ID number pair, in its own words. */
public enum Verdict {

    MATCH("一致"), MISMATCH("不一致"), NOT_FOUND("查无此人");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}

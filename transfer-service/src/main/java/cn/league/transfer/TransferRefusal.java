package cn.league.transfer;

import java.util.Map;

/**
 * A move the transfer's rules refuse, in plain Java: {@code code} is stable, {@code rule} is the DOMAIN.md
 * id, {@code detail} is the Chinese message users see. The web layer answers it as problem+json.
 */
public class TransferRefusal extends RuntimeException {

    /** What kind of refusal, so the web layer picks the HTTP status. */
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID }

    private final Kind kind;
    private final String code;
    private final String rule;

    public TransferRefusal(Kind kind, String code, String rule, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.rule = rule;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String rule() {
        return rule;
    }

    public String detail() {
        return getMessage();
    }

    /** More for the problem answer than code, rule and detail: none unless a refusal carries it. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}

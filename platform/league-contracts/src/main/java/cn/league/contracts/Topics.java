package cn.league.contracts;

/** One topic per owning service; the message key is the aggregate id so one aggregate's events stay in order. */
public final class Topics {

    public static final String ORG_EVENTS = "league.org.events";
    public static final String MEMBER_EVENTS = "league.member.events";
    public static final String TRANSFER_EVENTS = "league.transfer.events";
    public static final String IMPORT_EVENTS = "league.import.events";
    public static final String IDENTITY_EVENTS = "league.identity.events";

    private Topics() {
    }
}

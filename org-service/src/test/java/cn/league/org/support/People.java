package cn.league.org.support;

/** The people the tests act as, and the seeded orgs they start from. */
public final class People {

    public static final String BEIJING_ADMIN = "110105199001014329";
    public static final String TIANJIN_ADMIN = "11010119950315123X";
    public static final String DISTRICT_ADMIN = "440306199808085674";
    public static final String SIBLING_DISTRICT_ADMIN = "110101198507070012";
    public static final String SCHOOL_ADMIN = "110101200001010019";
    public static final String NOBODY = "110101199912120018";

    /** Seeded provincial-level orgs (V1__org_tree.sql). */
    public static final long CENTRAL = 1;
    public static final long BEIJING = 2;
    public static final long TIANJIN = 3;

    private People() {
    }
}

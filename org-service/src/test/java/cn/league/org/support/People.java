package cn.league.org.support;

import java.util.concurrent.ThreadLocalRandom;

/** The people the tests act as, and the seeded orgs they start from. */
public final class People {

    public static final String BEIJING_ADMIN = "110105199001014329";
    public static final String TIANJIN_ADMIN = "11010119950315123X";
    public static final String DISTRICT_ADMIN = "440306199808085674";
    public static final String SIBLING_DISTRICT_ADMIN = "110101198507070012";
    /** The admin of the org a test is about, below the district. */
    public static final String ORG_ADMIN = "110101200001010019";
    public static final String NOBODY = "110101199912120018";

    /** The school tree's admins (see school.SchoolTree). */
    public static final String UNIVERSITY_ADMIN = "110101198801010058";
    public static final String COLLEGE_ADMIN = "110101198801010074";
    public static final String CLASS_ADMIN = "110101198801010090";
    public static final String SIBLING_UNIVERSITY_ADMIN = "110101198801010111";

    /** Seeded provincial-level orgs (V1__org_tree.sql). */
    public static final long CENTRAL = 1;
    public static final long BEIJING = 2;
    public static final long TIANJIN = 3;

    private People() {
    }

    /** An ID number no other test uses; some end in X, which tokens carry lower-case. */
    public static String freshPerson() {
        var random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("1101");
        for (int i = 0; i < 13; i++) {
            id.append(random.nextInt(10));
        }
        return id.append(random.nextBoolean() ? "X" : String.valueOf(random.nextInt(10))).toString();
    }
}

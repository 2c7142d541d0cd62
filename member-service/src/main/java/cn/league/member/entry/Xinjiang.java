package cn.league.member.entry;

/**
 * Xinjiang's own entry limits (R-MEM-4, R-MEM-5) apply to a person whose ID was issued in Xinjiang
 * (region code 65…) or who is entered into an org under 团新疆维吾尔自治区委 (org province code 65).
 */
public final class Xinjiang {

    static final int PROVINCE_CODE = 65;

    private Xinjiang() {
    }

    /** idProvinceCode is 0 when the ID is invalid; orgProvinceCode 0 when the org has no province. */
    public static boolean applies(int idProvinceCode, int orgProvinceCode) {
        return idProvinceCode == PROVINCE_CODE || orgProvinceCode == PROVINCE_CODE;
    }

    /** For a stored person: their ID number and the province codes of the orgs they belong to. */
    public static boolean applies(String idNumber, java.util.Collection<String> orgProvinceCodes) {
        return (idNumber != null && idNumber.startsWith(String.valueOf(PROVINCE_CODE)))
                || orgProvinceCodes.contains(String.valueOf(PROVINCE_CODE));
    }
}

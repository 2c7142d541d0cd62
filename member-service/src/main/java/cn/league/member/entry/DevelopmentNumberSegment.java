package cn.league.member.entry;

/**
 * What digits 5–6 of a development number must be (R-MEM-5 号段). The DOMAIN decision makes this
 * configurable: by default the province code of the member's org ({@link #ORG_PROVINCE}), or no
 * check at all ({@link #OFF}).
 */
@FunctionalInterface
public interface DevelopmentNumberSegment {

    /**
     * Digits 5–6 equal the first two digits of the org's GB/T 2260 code, e.g. 202465000123 for an
     * org under 团新疆维吾尔自治区委. An org without a province (code 0) is not checked.
     */
    DevelopmentNumberSegment ORG_PROVINCE = (number, orgProvinceCode) -> orgProvinceCode == 0
            || (number.charAt(4) - '0') * 10 + (number.charAt(5) - '0') == orgProvinceCode;

    /** Any segment is accepted. */
    DevelopmentNumberSegment OFF = (number, orgProvinceCode) -> true;

    /** {@code number} is 12 ASCII digits; {@code orgProvinceCode} e.g. 65, or 0 when the org has none. */
    boolean fits(String number, int orgProvinceCode);

    /** From a setting: "org-province" (the default when blank) or "off". */
    static DevelopmentNumberSegment named(String setting) {
        if (setting == null || setting.isBlank() || setting.strip().equalsIgnoreCase("org-province")) {
            return ORG_PROVINCE;
        }
        if (setting.strip().equalsIgnoreCase("off")) {
            return OFF;
        }
        throw new IllegalArgumentException("Unknown development number segment check: " + setting
                + " (expected org-province or off)");
    }
}

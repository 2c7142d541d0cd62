package cn.league.org.info;

import java.util.ArrayList;
import java.util.List;

import cn.league.org.tree.Org;

/**
 * R-ORG-5: org info is complete when every required field is filled, the secretary (书记) is a
 * registered person and the secretary's own profile has a mobile number (not the org's contact phone).
 *
 * @param complete whether nothing is missing
 * @param missing  what is missing, in the words the admin sees
 */
public record Completeness(boolean complete, List<String> missing) {

    public static Completeness of(Org org, boolean secretaryRegistered, boolean secretaryHasMobile) {
        List<String> missing = new ArrayList<>();
        requireText(org.fullName(), "组织全称", missing);
        requireText(org.shortName(), "组织简称", missing);
        requireText(org.contactPerson(), "联系人", missing);
        requireText(org.contactPhone(), "联系电话", missing);
        if (org.baseline2017() == null) {
            missing.add("2017年团统数量");
        }
        if (org.secretaryIdNumber() == null) {
            missing.add("书记");
        } else if (!secretaryRegistered) {
            missing.add("书记尚未完成注册");
        } else if (!secretaryHasMobile) {
            missing.add("书记个人资料中的手机号码");
        }
        return new Completeness(missing.isEmpty(), List.copyOf(missing));
    }

    private static void requireText(String value, String field, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}

package cn.league.org.school;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import cn.league.contracts.org.OrgDomain;
import cn.league.contracts.org.OrgType;
import cn.league.org.tree.Org;
import cn.league.support.problem.ProblemException;

/**
 * R-ORG-8: the 学校机构编号 of an independent school is set, changed or cleared by that school committee's own
 * admin (FAQ 43, 45). Only independent schools have one: a school-domain 团委 / 团工委 / 团总支 whose parent is not
 * itself a school-domain org — never a leading body, a college (a school body under a school body) or a class
 * (a branch) (FAQ 43, 44).
 * <p><b>Decision</b>: the FAQ fixes no format; a code is 5 to 20 digits (the national 学校标识码 has 10), and one
 * code names one school in the whole country.
 */
public final class SchoolCodeRule {

    private static final Pattern FORMAT = Pattern.compile("\\d{5,20}");

    private SchoolCodeRule() {
    }

    /**
     * @param ownAdmin     the caller administers this very org
     * @param parentDomain the domain of the org's parent, or null at the top
     */
    public static void checkHolder(Org org, OrgDomain parentDomain, boolean ownAdmin) {
        if (org.type() == OrgType.LEADING_BODY) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SCHOOL_CODE_NOT_FOR_LEADING_BODY",
                    "R-ORG-8", "学校不可能是团的领导机关,团的领导机关没有学校机构编号");
        }
        if (!ownAdmin) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "SCHOOL_CODE_OWN_ADMIN_ONLY", "R-ORG-8",
                    "学校机构编号由学校团委本级团组织管理员填写、修改或清空");
        }
        if (!isIndependentSchool(org, parentDomain)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SCHOOL_CODE_NOT_AN_INDEPENDENT_SCHOOL",
                    "R-ORG-8", "仅限于具有学校机构编号的独立学校团组织填写学校机构编号,不包括学校的下属学院和班级团组织");
        }
    }

    /**
     * Whether the org is an independent school's committee, the only kind that has a code: a school-domain 团委 /
     * 团工委 / 团总支 whose parent is not itself a school-domain org.
     */
    public static boolean isIndependentSchool(Org org, OrgDomain parentDomain) {
        return org.domain() == OrgDomain.SCHOOL && org.type().isGrassrootsBody() && parentDomain != OrgDomain.SCHOOL;
    }

    /** The code as stored: trimmed, digits only. */
    public static String normalised(String code) {
        String stripped = code == null ? "" : code.strip();
        if (!FORMAT.matcher(stripped).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SCHOOL_CODE_FORMAT", "R-ORG-8",
                    "学校机构编号应为5至20位数字");
        }
        return stripped;
    }

    public static ProblemException taken() {
        return new ProblemException(HttpStatus.CONFLICT, "SCHOOL_CODE_TAKEN", "R-ORG-8",
                "该学校机构编号已被其他学校团组织使用,请核对后重新输入");
    }
}

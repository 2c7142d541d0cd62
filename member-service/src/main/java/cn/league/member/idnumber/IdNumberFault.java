package cn.league.member.idnumber;

import org.springframework.http.HttpStatus;

import cn.league.support.problem.ProblemException;

/** Why an ID number fails R-ID-4: a stable code for the bulk path's row outcomes, and the user's message. */
public enum IdNumberFault implements IdNumberCheck {

    MISSING("ID_NUMBER_MISSING", "请填写身份证号码"),
    WRONG_LENGTH("ID_NUMBER_LENGTH", "身份证号码应为18位"),
    BAD_FORMAT("ID_NUMBER_FORMAT", "身份证号码格式不正确"),
    UNKNOWN_REGION("ID_NUMBER_REGION", "身份证号码中的地区码不存在"),
    BAD_BIRTH_DATE("ID_NUMBER_BIRTH_DATE", "身份证号码中的出生日期不正确"),
    BAD_CHECK_DIGIT("ID_NUMBER_CHECK_DIGIT", "身份证号码校验位不正确");

    /** The problem code single-entry endpoints answer with; the detail tells the reasons apart. */
    public static final String PROBLEM_CODE = "ID_NUMBER_INVALID";
    public static final String RULE = "R-ID-4";

    private final String code;
    private final String message;

    IdNumberFault(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public ProblemException toProblem() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, PROBLEM_CODE, RULE, message);
    }
}

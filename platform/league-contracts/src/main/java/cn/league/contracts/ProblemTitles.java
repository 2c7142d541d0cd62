package cn.league.contracts;

/**
 * The Chinese {@code title} of a league problem document (RFC 9457): the short meaning of its HTTP status, in the
 * language of its {@code detail}. Every service and the gateway name a status the same way.
 */
public final class ProblemTitles {

    private ProblemTitles() {
    }

    public static String of(int status) {
        return switch (status) {
            case 400 -> "请求不正确";
            case 401 -> "未登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法提供所需格式";
            case 409 -> "与现有数据冲突";
            case 410 -> "已失效";
            case 413 -> "内容过大";
            case 415 -> "不支持的数据格式";
            case 422 -> "无法处理的内容";
            case 423 -> "已锁定";
            case 429 -> "请求过于频繁";
            case 500 -> "服务器内部错误";
            case 502, 503, 504 -> "服务暂时不可用";
            default -> status >= 500 ? "服务器错误" : "请求未能完成";
        };
    }
}

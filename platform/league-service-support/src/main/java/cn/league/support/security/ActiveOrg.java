package cn.league.support.security;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * 切换其他组织 (R-ADM-8): the org a person acts for in this request, chosen by the {@value #HEADER} header (API
 * clients send it; the gateway adds it for browser sessions). {@link ActiveOrgFilter} has checked that the person
 * holds a post or admin rights there. With one chosen, scope checks count only that org's admin rights, so every
 * view follows the chosen org; without one (no header, or outside a request, e.g. an event listener), all of the
 * person's rights count, as before.
 */
public final class ActiveOrg {

    public static final String HEADER = "X-League-Org";

    static final String ATTRIBUTE = ActiveOrg.class.getName();

    private ActiveOrg() {
    }

    /** The org chosen for the current request, if any. */
    public static Optional<Long> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((Long) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** Whether an admin right in {@code orgId} counts in this request: always without a chosen org. */
    public static boolean admits(long orgId) {
        return current().map(active -> active == orgId).orElse(true);
    }
}

package cn.league.support.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.league.support.problem.Problems;

/**
 * Checks the {@value ActiveOrg#HEADER} header of a signed-in person against their real rights (R-ADM-8) and, if
 * they belong to that org, makes it the request's {@link ActiveOrg}; otherwise answers 403. Runs after Spring
 * Security, so the caller is known. Service accounts ({@code /internal/**}), public paths and services without an
 * {@link OrgMembership} (no org data yet) pass unchanged.
 */
class ActiveOrgFilter extends OncePerRequestFilter {

    private final ObjectProvider<OrgMembership> membership;

    ActiveOrgFilter(ObjectProvider<OrgMembership> membership) {
        this.membership = membership;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(ActiveOrg.HEADER);
        OrgMembership orgs = membership.getIfAvailable();
        if (header == null || header.isBlank() || orgs == null
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = Caller.of(token);
        if (caller.serviceAccount()) {
            chain.doFilter(request, response);
            return;
        }
        long orgId;
        try {
            orgId = Long.parseLong(header.strip());
        } catch (NumberFormatException notAnId) {
            ProblemAuthenticationHandlers.write(response, Problems.of(HttpStatus.BAD_REQUEST, "ACTIVE_ORG_INVALID",
                    "R-ADM-8", "当前组织的编号不正确"), null);
            return;
        }
        if (caller.idNumber() == null || !orgs.belongsTo(caller.idNumber(), orgId)) {
            ProblemAuthenticationHandlers.write(response, Problems.of(HttpStatus.FORBIDDEN, "ACTIVE_ORG_NOT_YOURS",
                    "R-ADM-8", "您在该组织没有任职或管理员权限,不能切换到该组织"), null);
            return;
        }
        request.setAttribute(ActiveOrg.ATTRIBUTE, orgId);
        chain.doFilter(request, response);
    }
}

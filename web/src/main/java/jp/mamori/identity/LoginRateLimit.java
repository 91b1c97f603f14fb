package jp.mamori.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed password logins per client address: after {@code max} failures within the window, the login form from that
 * address is answered with "too many attempts" without checking the password. The account lockout stops guessing at
 * one account; this stops one address from trying many. Only failures count, so a whole office or exam hall behind
 * one NAT address can log in at the same moment. Counted by {@link LoginFailuresByAddress}; behind a proxy set
 * {@code SERVER_FORWARD_HEADERS_STRATEGY=native} so the client's address, not the proxy's, is counted.
 */
final class LoginRateLimit extends OncePerRequestFilter {

    private final LoginFailuresByAddress failures;
    private final AuditLog auditLog;

    LoginRateLimit(LoginFailuresByAddress failures, AuditLog auditLog) {
        this.failures = failures;
        this.auditLog = auditLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (!failures.hasRoom(address)) {
            String username = request.getParameter("username");
            auditLog.record(AuditAction.LOGIN_FAILED, username, username, "too many failed logins from this address");
            response.sendRedirect(request.getContextPath() + "/login?too-many");
            return;
        }
        chain.doFilter(request, response);
    }
}

package jp.mamori.identity;

import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login provider: Spring Security's own user-name and password check, then one more: a self-registered account
 * must have confirmed its e-mail address. That check runs after the password, so it neither tells a stranger that
 * the address is registered nor counts as a failed login toward the lockout. The same holds for the last check:
 * while local login is turned off ({@code mamori.sso.local-login=false}), only break-glass addresses pass.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedEmailLogin {

    @Bean
    DaoAuthenticationProvider authenticationProvider(MamoriUserDetailsService userDetails, PasswordEncoder passwordEncoder,
                                                     AuditLog auditLog, SsoSettings sso) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPostAuthenticationChecks(user -> {
            if (user instanceof MamoriUserDetails details && !details.emailVerified()) {
                auditLog.record(AuditAction.LOGIN_FAILED, details.email(), details.email(), "e-mail address not verified yet");
                throw new EmailNotVerifiedException(details.email());
            }
            if (!sso.allowsPassword(user.getUsername())) {
                auditLog.record(AuditAction.LOGIN_FAILED, user.getUsername(), user.getUsername(), "local login is turned off");
                throw new LocalLoginClosedException(user.getUsername());
            }
        });
        return provider;
    }
}

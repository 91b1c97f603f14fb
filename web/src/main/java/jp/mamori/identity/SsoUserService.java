package jp.mamori.identity;

import java.util.Locale;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider's ID token is checked (signature, issuer, audience, expiry, nonce) and its user info read: the
 * claims Mamori is configured to use, the account they lead to, and a principal that carries its roles.
 */
final class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The OAuth2 error code of a refusal: {@code mamori_} and the reason in lower case. */
    static final String REFUSED_PREFIX = "mamori_";

    private final OidcUserService provided = new OidcUserService();
    private final SsoAccounts accounts;
    private final SsoSettings settings;

    SsoUserService(SsoAccounts accounts, SsoSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provided.loadUser(request);
        SsoAccounts.Claims claims = new SsoAccounts.Claims(text(user.getClaims().get(settings.emailClaim())),
                // email_verified speaks of the standard e-mail claim only.
                "email".equals(settings.emailClaim()) ? user.getEmailVerified() : null, text(user.getClaims().get(settings.nameClaim())),
                settings.departmentClaim() == null ? null : text(user.getClaims().get(settings.departmentClaim())));
        return switch (accounts.signIn(claims)) {
            case SsoAccounts.Admitted admitted -> new SsoUser(admitted.account(), user);
            case SsoAccounts.Refused refused -> throw new OAuth2AuthenticationException(
                    new OAuth2Error(REFUSED_PREFIX + refused.reason().name().toLowerCase(Locale.ROOT)));
        };
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }
}

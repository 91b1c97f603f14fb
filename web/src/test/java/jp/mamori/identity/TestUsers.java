package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import jp.mamori.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates real accounts in the test database and logs them in for the current thread. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery";

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    TestUsers(UserAccountRepository users, PasswordEncoder passwordEncoder, TransactionTemplate transaction, Clock clock,
              ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.clock = clock;
        this.strategy = strategy;
    }

    /** The account with this e-mail address, created with the given roles if it does not exist yet. */
    public long create(String email, Role... roles) {
        return transaction.execute(status -> users.findByEmailIgnoreCase(email).orElseGet(() -> {
            UserAccount user = new UserAccount(email, "Test " + email, null, Set.of(roles), clock.instant());
            user.setPasswordHash(passwordEncoder.encode(PASSWORD));
            return users.save(user);
        }).getId());
    }

    /** Creates the account if needed and puts it in the security context, as after a form login. */
    public MamoriUserDetailsView loginAs(String email, Role... roles) {
        create(email, roles);
        UserAccount user = users.findByEmailIgnoreCase(email).orElseThrow();
        MamoriUserDetails details = new MamoriUserDetails(user, false);
        authenticate(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        return new MamoriUserDetailsView(details.id(), details.email());
    }

    /** Creates the account if needed and logs it in as a single sign-on would, with the provider's login at {@code authTime}. */
    public MamoriUserDetailsView loginThroughProviderAs(String email, Instant authTime, Role... roles) {
        long id = create(email, roles);
        OidcIdToken token = OidcIdToken.withTokenValue("test-token").subject(email).issuedAt(authTime)
                .expiresAt(authTime.plus(Duration.ofHours(1))).authTime(authTime).claim("email", email).build();
        SsoUser user = new SsoUser(SignedInAccount.of(users.findById(id).orElseThrow()), new DefaultOidcUser(Set.of(), token));
        authenticate(new OAuth2AuthenticationToken(user, user.getAuthorities(), "sso"));
        return new MamoriUserDetailsView(id, email);
    }

    /** Puts this authentication in the security context of the current thread, as after a login. */
    public void authenticate(Authentication authentication) {
        // Each test context (Vaadin) has its own strategy, which method security holds on to; several contexts
        // live side by side in one test run, so point the static holder at this context's strategy first.
        strategy.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }

    /** Locks the account as ten failed logins would, at the given time. */
    public void lockForTest(String email, Instant now) {
        var policy = new UserAccount.LockoutPolicy(1, Duration.ofMinutes(15), Duration.ofMinutes(30));
        transaction.executeWithoutResult(status -> users.findByEmailIgnoreCase(email).orElseThrow().recordFailure(now, policy));
    }

    public UserAccount find(String email) {
        return users.findByEmailIgnoreCase(email).orElseThrow();
    }

    /** What a test needs to know of the logged-in account. */
    public record MamoriUserDetailsView(long id, String email) {
    }
}

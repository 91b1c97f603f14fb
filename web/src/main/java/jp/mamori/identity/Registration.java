package jp.mamori.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.mail.Mailer;
import jp.mamori.shared.Role;
import jp.mamori.shared.Sha256;
import jp.mamori.shared.i18n.Languages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Candidates register themselves: the account is created closed, a one-time link is mailed, and opening it
 * confirms the address and opens the account. The answer never tells whether an address is already registered:
 * its owner gets a different mail instead. Requests are limited per client address.
 */
@Service
public class Registration {

    static final String VERIFY_TEMPLATE = "registration.verify";
    static final String ALREADY_TEMPLATE = "registration.already";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository users;
    private final EmailVerificationTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Mailer mailer;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String baseUrl;
    private final Duration linkValidity;
    private final RequestRateLimit registrations;
    private final RequestRateLimit resends;
    private final SsoSettings sso;

    Registration(UserAccountRepository users, EmailVerificationTokenRepository tokens, PasswordEncoder passwordEncoder,
                 Mailer mailer, AuditLog auditLog, TransactionTemplate transaction, Clock clock,
                 @Value("${mamori.base-url:http://localhost:8080}") String baseUrl,
                 @Value("${mamori.registration.link-validity:PT24H}") Duration linkValidity,
                 @Value("${mamori.registration.rate-limit.max-requests:10}") int maxRequests,
                 @Value("${mamori.registration.rate-limit.window:PT1H}") Duration window, SsoSettings sso) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.linkValidity = linkValidity;
        this.registrations = new RequestRateLimit(clock, maxRequests, window);
        this.resends = new RequestRateLimit(clock, maxRequests, window);
        this.sso = sso;
    }

    /**
     * Registers a candidate and mails the confirmation link, or, for an address that already has an account, mails
     * its owner instead; both look the same to the caller. Throws {@link RegistrationException} for bad input (then
     * nothing is created or sent), too many requests from {@code clientAddress}, or while local login is turned off.
     * Open to visitors.
     */
    @PreAuthorize("permitAll()")
    public void register(Request request, String clientAddress) {
        if (!sso.localLogin()) {
            // A new account could never log in: passwords are for break-glass administrators only.
            throw new RegistrationException(Map.of(Field.FORM, "register.error.closed"));
        }
        String email = normalised(request.email());
        String name = request.displayName() == null ? "" : request.displayName().strip();
        Map<Field, String> problems = new EnumMap<>(Field.class);
        if (name.isEmpty() || name.length() > 200) {
            problems.put(Field.NAME, "users.error.name-required");
        }
        if (!UserAdministration.validEmail(email)) {
            problems.put(Field.EMAIL, "users.error.email-invalid");
        }
        PasswordRules.problem(request.password(), email).ifPresent(key -> problems.put(Field.PASSWORD, key));
        if (request.password() == null || !request.password().equals(request.passwordRepeat())) {
            problems.put(Field.PASSWORD_REPEAT, "password.error.mismatch");
        }
        if (!problems.isEmpty()) {
            throw new RegistrationException(problems);
        }
        if (!registrations.tryAcquire(clientAddress)) {
            auditLog.record(AuditAction.REGISTRATION_REQUESTED, email, email, "refused: too many requests from this address");
            throw new RegistrationException(Map.of(Field.FORM, "register.error.too-many"));
        }
        Locale language = request.language() == null ? Languages.JAPANESE
                : Languages.supported(request.language().toLanguageTag()).orElse(Languages.JAPANESE);
        // Hashed before looking the address up, so a new and a known address take the same time to answer.
        String passwordHash = passwordEncoder.encode(request.password());
        Optional<String> link;
        try {
            link = transaction.execute(status -> createUnlessRegistered(email, name, passwordHash, language));
        } catch (DataIntegrityViolationException registeredMeanwhile) {
            link = Optional.empty();
        }
        if (link.isPresent()) {
            auditLog.record(AuditAction.REGISTRATION_REQUESTED, email, email, "candidate account created, waiting for e-mail confirmation");
            mailer.send(email, language, VERIFY_TEMPLATE, name, link.get());
        } else {
            UserAccount existing = users.findByEmailIgnoreCase(email).orElseThrow();
            auditLog.record(AuditAction.REGISTRATION_REQUESTED, email, email, "address already registered: its owner was told by mail");
            mailer.send(email, languageOf(existing, language), ALREADY_TEMPLATE, existing.getDisplayName(),
                    baseUrl + "/login", baseUrl + "/verify-email");
        }
    }

    /** Confirms the address behind a mailed link and opens the account; the link works once. Open to visitors. */
    @PreAuthorize("permitAll()")
    public Verification verify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Verification.UNKNOWN;
        }
        return transaction.execute(status -> {
            Optional<EmailVerificationToken> found = tokens.findById(tokenHash(token));
            if (found.isEmpty()) {
                return Verification.UNKNOWN;
            }
            EmailVerificationToken link = found.get();
            Instant now = clock.instant();
            if (link.used()) {
                return Verification.ALREADY_USED;
            }
            if (link.expiredAt(now)) {
                return Verification.EXPIRED;
            }
            link.use(now);
            UserAccount user = link.user();
            user.verifyEmail(now);
            auditLog.record(AuditAction.EMAIL_VERIFIED, user.getEmail(), user.getEmail(), "through the mailed link");
            return Verification.VERIFIED;
        });
    }

    /**
     * Mails a new confirmation link when the address belongs to an account that still waits for one; otherwise
     * does nothing, and the caller cannot tell the difference. Throws {@link RegistrationException} for a malformed
     * address or too many requests from {@code clientAddress}. Open to visitors.
     */
    @PreAuthorize("permitAll()")
    public void resend(String emailAddress, String clientAddress) {
        String email = normalised(emailAddress);
        if (!UserAdministration.validEmail(email)) {
            throw new RegistrationException(Map.of(Field.EMAIL, "users.error.email-invalid"));
        }
        if (!resends.tryAcquire(clientAddress)) {
            auditLog.record(AuditAction.VERIFICATION_LINK_RESENT, email, email, "refused: too many requests from this address");
            throw new RegistrationException(Map.of(Field.FORM, "register.error.too-many"));
        }
        record Pending(String name, Locale language, String link) {
        }
        Optional<Pending> pending = transaction.execute(status -> users.findByEmailIgnoreCase(email)
                .filter(user -> !user.isEmailVerified())
                .map(user -> new Pending(user.getDisplayName(), languageOf(user, Languages.JAPANESE), issueLink(user))));
        if (pending.isEmpty()) {
            auditLog.record(AuditAction.VERIFICATION_LINK_RESENT, email, null, "nothing sent: no account waits for confirmation at this address");
            return;
        }
        auditLog.record(AuditAction.VERIFICATION_LINK_RESENT, email, email, "new link mailed");
        mailer.send(email, pending.get().language(), VERIFY_TEMPLATE, pending.get().name(), pending.get().link());
    }

    private Optional<String> createUnlessRegistered(String email, String name, String passwordHash, Locale language) {
        if (users.findByEmailIgnoreCase(email).isPresent()) {
            return Optional.empty();
        }
        UserAccount user = new UserAccount(email, name, null, Set.of(Role.CANDIDATE), clock.instant());
        user.setPasswordHash(passwordHash);
        user.setLanguage(language.getLanguage());
        user.awaitEmailVerification();
        users.saveAndFlush(user);
        return Optional.of(issueLink(user));
    }

    private String issueLink(UserAccount user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        tokens.save(new EmailVerificationToken(tokenHash(token), user, now, now.plus(linkValidity)));
        return baseUrl + "/verify-email/" + token;
    }

    private static Locale languageOf(UserAccount user, Locale fallback) {
        return Languages.supported(user.getLanguage()).orElse(fallback);
    }

    private static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Only this hash of a link's token is stored. */
    private static String tokenHash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** What a visitor enters to register. */
    public record Request(String displayName, String email, String password, String passwordRepeat, Locale language) {
    }

    /** Where a problem belongs on the form; {@code FORM} for the whole request (too many requests). */
    public enum Field {
        NAME,
        EMAIL,
        PASSWORD,
        PASSWORD_REPEAT,
        FORM
    }

    /** What opening a confirmation link did. */
    public enum Verification {
        VERIFIED,
        ALREADY_USED,
        EXPIRED,
        UNKNOWN
    }
}

package jp.mamori.identity;

import java.util.Locale;
import java.util.Optional;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.shared.i18n.Languages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each person's language with their account, so it follows them to any browser. */
@Service
class UserLanguages implements LanguagePreferences {

    private final UserAccountRepository users;
    private final AuditLog auditLog;

    UserLanguages(UserAccountRepository users, AuditLog auditLog) {
        this.users = users;
        this.auditLog = auditLog;
    }

    /** A person reads only their own preference. */
    @Override
    @PreAuthorize("#userId == authentication.principal.id()")
    @Transactional(readOnly = true)
    public Optional<Locale> of(long userId) {
        return users.findById(userId).flatMap(user -> Languages.supported(user.getLanguage()));
    }

    /** A person changes only their own preference. */
    @Override
    @PreAuthorize("#userId == authentication.principal.id()")
    @Transactional
    public void remember(long userId, Locale locale) {
        Locale language = Languages.supported(locale.toLanguageTag())
                .orElseThrow(() -> new IllegalArgumentException("unsupported language: " + locale));
        users.findById(userId).ifPresent(user -> {
            if (!language.getLanguage().equals(user.getLanguage())) {
                user.setLanguage(language.getLanguage());
                auditLog.record(AuditAction.LANGUAGE_CHANGED, user.getEmail(), user.getEmail(), language.getLanguage());
            }
        });
    }
}

package jp.mamori.attestation;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.identity.People;
import jp.mamori.identity.Person;
import jp.mamori.mail.MailStatus;
import jp.mamori.mail.Mailer;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reminds examiners who are not cleared what they still have to do this fiscal year, in their own language. */
@Service
public class ExaminerReminders {

    private final ExaminerClearance clearance;
    private final People people;
    private final Mailer mailer;
    private final AuditLog audit;
    private final String baseUrl;

    ExaminerReminders(ExaminerClearance clearance, People people,
                      Mailer mailer, AuditLog audit, @Value("${mamori.base-url:http://localhost:8080}") String baseUrl) {
        this.clearance = clearance;
        this.people = people;
        this.mailer = mailer;
        this.audit = audit;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * Mails each of the chosen examiners who is active and not cleared this fiscal year the list of what is missing.
     * Returns how many reminders went out (to SMTP or the outbox); cleared people and leavers get none.
     */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    public int remind(Collection<Long> userIds) {
        int year = clearance.currentYear();
        Map<Long, Person> examiners = people.withRole(Role.EXAMINER).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, LocalizedText> titles = clearance.titles();
        int sent = 0;
        for (Clearance standing : clearance.roster(year)) {
            Person person = examiners.get(standing.userId());
            if (!userIds.contains(standing.userId()) || standing.cleared() || !person.active()) {
                continue;
            }
            Locale language = person.language();
            MailStatus status = mailer.send(person.email(), language, "examiner.reminder", person.name(), year,
                    standing.deadline().format(DateTimeFormatter.ofPattern("yyyy/MM/dd")), missing(standing, titles, language),
                    baseUrl + "/examiner");
            if (status != MailStatus.FAILED) {
                sent++;
            }
            audit.record(AuditAction.REMINDER_SENT, CurrentPrincipal.require().email(), "user:" + person.id(),
                    "examiner curriculum FY" + year + ": " + status);
        }
        return sent;
    }

    private static String missing(Clearance standing, Map<String, LocalizedText> titles, Locale language) {
        List<String> lines = new ArrayList<>();
        boolean japanese = !Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        standing.modulesMissing().forEach(id -> lines.add((japanese ? "・研修: " : "- Module: ") + titles.get(id).in(language)));
        standing.declarationsMissing().forEach(id -> lines.add((japanese ? "・宣誓: " : "- Declaration: ") + titles.get(id).in(language)));
        standing.discrepancies().forEach(id -> lines.add((japanese ? "・抜き打ち確認で相違あり: " : "- Spot check found a discrepancy: ")
                + titles.get(id).in(language)));
        return String.join("\n", lines);
    }
}

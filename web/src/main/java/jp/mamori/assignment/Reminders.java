package jp.mamori.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.mamori.identity.People;
import jp.mamori.mail.Mailer;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reminds people of open assignments at configured days before and after the due date (up to five steps), then
 * escalates to the department manager with the list of their overdue people. Each step is sent once per assignment;
 * after a pause (a node down for a day) only the newest step due is sent, never a backlog.
 */
@Service
public class Reminders {

    static final String ESCALATED = "ESCALATED";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final JdbcClient jdbc;
    private final People people;
    private final AssignmentTitles titles;
    private final Mailer mailer;
    private final Clock clock;
    private final List<Integer> steps;
    private final int escalationDays;
    private final String baseUrl;

    Reminders(JdbcClient jdbc, People people, AssignmentTitles titles, Mailer mailer, Clock clock,
              @Value("${mamori.reminders.steps:-14,-3,1,7}") List<Integer> steps,
              @Value("${mamori.reminders.escalation-days:14}") int escalationDays,
              @Value("${mamori.base-url:http://localhost:8080}") String baseUrl) {
        if (steps.isEmpty() || steps.size() > 5) {
            throw new IllegalArgumentException("mamori.reminders.steps must list 1 to 5 day offsets, not " + steps);
        }
        this.jdbc = jdbc;
        this.people = people;
        this.titles = titles;
        this.mailer = mailer;
        this.clock = clock;
        this.steps = steps.stream().sorted().toList();
        this.escalationDays = escalationDays;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Sends what is due today; returns the number of mails (reminders and escalations). Run as the system. */
    @PreAuthorize("hasAnyRole('SYSTEM', 'TRAINING_ADMIN')")
    public int send() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), FiscalYears.JAPAN);
        Map<Long, People.Member> members = people.members().stream().collect(Collectors.toMap(People.Member::id, Function.identity()));
        // Open work whose first step has come; a year after the due date it is left to the dashboards' overdue list.
        List<Open> open = jdbc.sql("SELECT id, user_id, item_kind, item_id, due_date FROM assignment WHERE completed_at IS NULL "
                        + "AND due_date >= ? AND due_date <= ?")
                .params(today.minusYears(1), today.minusDays(steps.getFirst()))
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), ItemKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list().stream().filter(a -> members.containsKey(a.userId()) && members.get(a.userId()).active()).toList();
        Map<Long, Set<String>> sent = sentSteps(open);
        Map<String, LocalizedText> names = titles.all();
        int mails = 0;
        Map<Long, List<Open>> escalate = new LinkedHashMap<>();
        for (Open assignment : open) {
            Set<String> already = sent.getOrDefault(assignment.id(), Set.of());
            long days = ChronoUnit.DAYS.between(assignment.due(), today);
            List<Integer> reached = steps.stream().filter(step -> days >= step).toList();
            if (!reached.isEmpty() && !already.contains(String.valueOf(reached.getLast()))) {
                People.Member person = members.get(assignment.userId());
                mailer.send(person.email(), person.language(), days < 0 ? "assignment.reminder" : "assignment.overdue",
                        person.name(), AssignmentTitles.title(names, assignment.kind(), assignment.itemId(), person.language()),
                        DAY.format(assignment.due()), Math.abs(days), baseUrl + "/assignments");
                mark(assignment.id(), reached.stream().map(String::valueOf).filter(step -> !already.contains(step)).toList());
                mails++;
            }
            People.Member person = members.get(assignment.userId());
            if (days >= escalationDays && !already.contains(ESCALATED) && person.managerId() != null
                    && members.containsKey(person.managerId()) && members.get(person.managerId()).active()) {
                escalate.computeIfAbsent(person.managerId(), id -> new ArrayList<>()).add(assignment);
            }
        }
        for (Map.Entry<Long, List<Open>> entry : escalate.entrySet()) {
            People.Member manager = members.get(entry.getKey());
            String list = entry.getValue().stream().map(a -> "・" + members.get(a.userId()).name() + " — "
                    + AssignmentTitles.title(names, a.kind(), a.itemId(), manager.language()) + " (" + DAY.format(a.due()) + ")")
                    .collect(Collectors.joining("\n"));
            mailer.send(manager.email(), manager.language(), "assignment.escalation", manager.name(), entry.getValue().size(), list,
                    escalationDays);
            entry.getValue().forEach(a -> mark(a.id(), List.of(ESCALATED)));
            mails++;
        }
        return mails;
    }

    private Map<Long, Set<String>> sentSteps(List<Open> open) {
        Map<Long, Set<String>> sent = new HashMap<>();
        if (open.isEmpty()) {
            return sent;
        }
        Set<Long> ids = open.stream().map(Open::id).collect(Collectors.toSet());
        jdbc.sql("SELECT assignment_id, step FROM reminder_sent WHERE assignment_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    sent.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
                });
        return sent;
    }

    /** INSERT IGNORE: a step another node recorded first stays recorded once. */
    private void mark(long assignmentId, List<String> sentSteps) {
        LocalDateTime now = UtcColumns.of(clock.instant());
        for (String step : sentSteps) {
            jdbc.sql("INSERT IGNORE INTO reminder_sent (assignment_id, step, sent_at) VALUES (?,?,?)")
                    .params(assignmentId, step, now).update();
        }
    }

    private record Open(long id, long userId, ItemKind kind, String itemId, LocalDate due) {
    }
}

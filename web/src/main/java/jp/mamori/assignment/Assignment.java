package jp.mamori.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Something a person must do in a fiscal year, by a due date, because an approved plan line says so. */
public record Assignment(long id, long userId, int fiscalYear, ItemKind kind, String itemId, LocalDate due,
                         Instant assignedAt, Optional<Instant> completedAt) {

    public boolean overdue(LocalDate today) {
        return completedAt.isEmpty() && today.isAfter(due);
    }
}

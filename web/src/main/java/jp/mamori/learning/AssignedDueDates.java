package jp.mamori.learning;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The due date an approved education plan gives a person for a deck in a fiscal year. Implemented by the module that
 * owns plans and assignments, so learning needs no dependency on it; without an assignment a deck of a person's
 * annual programme is due on the last day of the fiscal year.
 */
public interface AssignedDueDates {

    Optional<LocalDate> due(long userId, String deckId, int fiscalYear);
}

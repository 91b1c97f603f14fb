package jp.mamori.exam;

import java.time.Instant;

/** A period in which booked candidates may start an exam, with its seat count and how many are booked. */
public record ExamWindow(long id, String examId, Instant opensAt, Instant closesAt, int capacity, int booked,
                         boolean cancelled) {

    public boolean isOpenAt(Instant time) {
        return !cancelled && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }

    public boolean isFull() {
        return booked >= capacity;
    }
}

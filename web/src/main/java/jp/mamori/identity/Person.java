package jp.mamori.identity;

import java.util.Locale;

/** A person as other modules list them: who, which department, which language their mail goes out in. */
public record Person(long id, String email, String name, String department, Locale language, boolean active) {
}
